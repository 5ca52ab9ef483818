#pragma once
// What the operating system does differently, in one place: src/platform/
// posix.cpp for Linux and the other POSIX systems, src/platform/windows.cpp
// for Windows (CMake builds one of them). Paths and arguments are UTF-8
// everywhere else; Windows' side turns them into UTF-16 for its wide API.

#include <cchc/base/lang.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::platform {

/// Once, first thing in main: a closed pipe ends a write instead of the
/// process (POSIX); UTF-8 on the console and no CR added to line ends
/// (Windows).
void start_process();

/// The command line in UTF-8, without the program's name. On Windows an
/// argument with * or ? is replaced by the files it matches, sorted (the
/// shell does that elsewhere); one that matches nothing stays as it is.
std::vector<std::string> arguments(int argc, char **argv);

/// False where worker threads must not read files: MinGW-w64's g++ 12
/// (emutls) frees a thread's per-thread storage before it runs the
/// destructors of the objects in it, and the heap breaks when a worker
/// thread ends. Windows then reads one file at a time, each in one pass.
bool threads_read_files();

/// `relative`, a path found under the folder the user named as `folder`,
/// joined to it as the user wrote it: with '/' on POSIX; on Windows with
/// the separator `folder` already uses (`samples/` gives `samples/a.csv`,
/// `samples\` and `C:\x` give backslashes; a bare name gives `\`), so
/// what the user typed comes back in the messages as they typed it.
std::string join_found(const std::string &folder, std::string_view relative);

/// The last part of `path`, without its folders: after the last '/' on
/// POSIX; after the last '/', '\\' or drive's ':' on Windows.
std::string_view file_name(std::string_view path);

/// How the program was started, for files dropped on cchc.exe in Explorer.
enum class Start {
    command,  ///< from a shell or a script (always on POSIX)
    dropped,  ///< Windows: the program owns its console (Explorer started it)
    drop_test ///< Windows, CCHC_DROP_TEST=1: taken as dropped, but no browser and no message box
};
Start how_started();
/// Opens `path` with the program the system opens such files with (the
/// browser for a page); false when it could not. Windows only: false on POSIX.
bool open_with_default_program(const std::string &path);
/// A message box (Windows only; nothing on POSIX); `problem` shows it as a warning.
void show_message(const std::string &title, const std::string &text, bool problem);

/// Opens `path` for reading (a file descriptor), or -1 with errno set.
int open_read(const std::string &path);
/// Up to `size` bytes at `offset` without moving the file position (pread);
/// -1 with errno set on failure.
std::int64_t read_at(int fd, char *buffer, std::size_t size, std::int64_t offset);

struct FileStatus {
    bool exists = false;
    bool regular = false;
    bool directory = false;
    std::int64_t size = -1;
};
FileStatus status(const std::string &path);
FileStatus status(int fd);
/// True when both names are the same file (a link or another spelling).
bool same_file(const std::string &a, const std::string &b);

/// Writes `text` to standard error in one write, unbuffered: Windows'
/// console shows a letter whose bytes come in two writes as two wrong
/// ones, and msvcrt writes an unbuffered stream a byte at a time.
void write_error(std::string_view text);

bool is_terminal(int fd);
/// The width of the terminal `fd` writes to, or 0 when it is not one.
std::size_t terminal_width(int fd);
/// True when the terminal `fd` draws ANSI colour sequences (a Windows console
/// without virtual-terminal processing prints them as text).
bool colour_works(int fd);

/// The file --output names, as write_streamed (cli/common.cpp) writes it
/// while the output is made. A device or a pipe (/dev/full, NUL, a FIFO)
/// is written in place: replacing it would put a file where it was. A file
/// is written as a new file beside it (beside what a symbolic link points
/// to) that replaces it when committed, so the target is the old file or
/// the whole new one, never half of it: rename(2) on POSIX (the new file
/// gets the old one's mode, or a new file's), MoveFileExW (replace, write
/// through) on Windows, where a target another program holds open (Excel
/// locks an open workbook) is named with what to do.
class OutputFile {
public:
    OutputFile() = default;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;
    /// Not committed: the new file is removed, the target stays as it was.
    ~OutputFile();

    /// Opens `output` for writing: "" when it is open, else the message.
    std::string open(const std::string &output, Lang lang);
    /// The descriptor to write to (write(2), or the C runtime's on Windows).
    int fd() const { return m_fd; }
    /// Writes the new file to disk and puts it in place: "" when done, else
    /// the message.
    std::string commit();
    /// The message for a write to fd() that failed with errno `error`.
    std::string write_failed(int error) const;

private:
    std::string m_output;    ///< as named, for the messages
    std::string m_target;    ///< what is replaced (a link's target)
    std::string m_temporary; ///< the new file; empty for a device
    int m_fd = -1;
    Lang m_lang = Lang::vi;
};

/// The folder for temporary files: $TMPDIR or /tmp; Windows' temp folder.
std::string temp_folder();
/// A new empty file in temp_folder() named after `stem`; its path, and in
/// `fd` an open descriptor for writing. "" (and -1) with errno set on failure.
std::string make_temp_file(const std::string &stem, int &fd);
/// A new folder in temp_folder() named after `stem`, or "" with errno set.
std::string make_temp_folder(const std::string &stem);
/// Removes a file; false with errno set when it could not.
bool remove_file(const std::string &path);

/// Bytes of one encoding to UTF-8, as iconv converts: POSIX has iconv,
/// Windows converts itself (code pages, UTF-16, TCVN3).
class Converter {
public:
    enum class Result { ok, invalid, incomplete };
    /// `name` as the user gives it ("WINDOWS-1258", "UTF-16LE"); null when
    /// the system does not know it.
    static std::unique_ptr<Converter> open(const std::string &name);
    virtual ~Converter() = default;
    /// Converts from [in, in + in_left) into [out, out + out_left), moving
    /// both; stops at the first byte that is not in the encoding (invalid)
    /// or at a sequence cut by the end of the input (incomplete). With
    /// `in` null, writes what a converter held back (a letter that waited
    /// for its tone mark).
    virtual Result convert(char **in, std::size_t *in_left, char **out, std::size_t *out_left) = 0;
};

/// Gives the heap's free memory back to the system (glibc keeps it, and a
/// province read part after part would otherwise grow by the holes each
/// part leaves); nothing where the allocator does it itself.
void release_free_memory();

} // namespace cchc::platform
