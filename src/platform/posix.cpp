// The platform layer on Linux and the other POSIX systems (see platform.hpp).
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iconv.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cchc::platform {

void start_process() {
    // A closed pipe (`cchc … | head -1`) is a normal end, not a crash.
    std::signal(SIGPIPE, SIG_IGN);
}

std::vector<std::string> arguments(int argc, char **argv) {
    return std::vector<std::string>(argv + 1, argv + argc);
}

bool threads_read_files() {
    return true;
}

std::string join_found(const std::string &folder, std::string_view relative) {
    while (!relative.empty() && relative.front() == '/')
        relative.remove_prefix(1);
    std::string path = folder;
    if (!path.empty() && path.back() != '/') path += '/';
    return path.append(relative);
}

std::string_view file_name(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void write_error(std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return; // nowhere left to say it
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

Start how_started() {
    return Start::command; // a shell always started it: no dropped files
}

bool open_with_default_program(const std::string &) {
    return false;
}

void show_message(const std::string &, const std::string &, bool) {}

int open_read(const std::string &path) {
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

std::int64_t read_at(int fd, char *buffer, std::size_t size, std::int64_t offset) {
    return ::pread(fd, buffer, size, static_cast<off_t>(offset));
}

namespace {

FileStatus from_stat(const struct stat &st) {
    FileStatus s;
    s.exists = true;
    s.regular = S_ISREG(st.st_mode);
    s.directory = S_ISDIR(st.st_mode);
    s.size = static_cast<std::int64_t>(st.st_size);
    return s;
}

} // namespace

FileStatus status(const std::string &path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? from_stat(st) : FileStatus{};
}

FileStatus status(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 ? from_stat(st) : FileStatus{};
}

bool same_file(const std::string &a, const std::string &b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool is_terminal(int fd) {
    return ::isatty(fd) != 0;
}

std::size_t terminal_width(int fd) {
    struct winsize ws {};
    if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

bool colour_works(int fd) {
    return ::isatty(fd) != 0;
}

std::string temp_folder() {
    const char *dir = std::getenv("TMPDIR");
    return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

std::string make_temp_file(const std::string &stem, int &fd) {
    std::string path = temp_folder() + "/" + stem + "-XXXXXX";
    fd = ::mkstemp(path.data());
    return fd < 0 ? std::string() : path;
}

std::string make_temp_folder(const std::string &stem) {
    std::string path = temp_folder() + "/" + stem + "-XXXXXX";
    return ::mkdtemp(path.data()) == nullptr ? std::string() : path;
}

bool remove_file(const std::string &path) {
    return ::unlink(path.c_str()) == 0;
}

namespace {

std::string cannot_write(const std::string &output, int error, Lang lang, std::string_view hint = {}) {
    return fmt::format(fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}{}\n", "cchc: cannot write '{}': {}{}\n")),
                       output, std::strerror(error), hint);
}

} // namespace

OutputFile::~OutputFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
}

std::string OutputFile::open(const std::string &output, Lang lang) {
    m_output = output;
    m_lang = lang;
    struct stat st {};
    const bool exists = ::stat(output.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        m_fd = ::open(output.c_str(), O_WRONLY | O_CLOEXEC);
        return m_fd < 0 ? cannot_write(output, errno, lang) : std::string();
    }
    m_target = output;
    if (char *resolved = ::realpath(output.c_str(), nullptr)) {
        m_target = resolved;
        std::free(resolved);
    }
    std::string temporary = m_target + ".cchc-XXXXXX";
    m_fd = ::mkstemp(temporary.data());
    if (m_fd < 0)
        return cannot_write(
            output, errno, lang,
            pick(lang, " (kiểm tra thư mục có và ghi được)", " (check the folder exists and is writable)"));
    m_temporary = std::move(temporary);
    // mkstemp makes the file 0600: give it the mode the old file had, or
    // what a new file gets under the umask.
    mode_t mode = st.st_mode & 07777;
    if (!exists) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(m_fd, mode);
    return {};
}

std::string OutputFile::write_failed(int error) const {
    return cannot_write(m_output, error, m_lang);
}

std::string OutputFile::commit() {
    int e = 0;
    if (!m_temporary.empty() && ::fsync(m_fd) != 0) e = errno;
    if (::close(m_fd) != 0 && e == 0) e = errno;
    m_fd = -1;
    if (m_temporary.empty()) return e == 0 ? std::string() : cannot_write(m_output, e, m_lang);
    if (e == 0 && ::rename(m_temporary.c_str(), m_target.c_str()) != 0) e = errno;
    if (e != 0) return cannot_write(m_output, e, m_lang); // the destructor removes the new file
    m_temporary.clear();
    return {};
}

namespace {

class IconvConverter : public Converter {
public:
    explicit IconvConverter(iconv_t cd) : m_cd(cd) {}
    ~IconvConverter() override { ::iconv_close(m_cd); }
    IconvConverter(const IconvConverter &) = delete;
    IconvConverter &operator=(const IconvConverter &) = delete;

    Result convert(char **in, std::size_t *in_left, char **out, std::size_t *out_left) override {
        std::size_t r = ::iconv(m_cd, in, in_left, out, out_left);
        if (r != static_cast<std::size_t>(-1)) return Result::ok;
        return errno == EILSEQ ? Result::invalid : Result::incomplete;
    }

private:
    iconv_t m_cd;
};

} // namespace

std::unique_ptr<Converter> Converter::open(const std::string &name) {
    iconv_t cd = ::iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return nullptr;
    return std::make_unique<IconvConverter>(cd);
}

void release_free_memory() {
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

} // namespace cchc::platform
