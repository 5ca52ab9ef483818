// The platform layer on Windows (see platform.hpp): UTF-8 paths through the
// wide (UTF-16) API, the console's own calls, and encodings converted by
// Windows (MultiByteToWideChar) or here (UTF-16, TCVN3): Windows has no iconv.
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <io.h>
#include <random>
#include <sys/stat.h>

#include <windows.h>

#include <shellapi.h>

#ifndef ENABLE_VIRTUAL_TERMINAL_PROCESSING
#define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x0004
#endif

namespace cchc::platform {

namespace {

std::wstring widen(const std::string &s) {
    if (s.empty()) return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n > 0 ? n : 0), L'\0');
    if (n > 0) MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string narrow(const wchar_t *w, std::size_t size) {
    if (size == 0) return {};
    int n = WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(size), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(n > 0 ? n : 0), '\0');
    if (n > 0) WideCharToMultiByte(CP_UTF8, 0, w, static_cast<int>(size), s.data(), n, nullptr, nullptr);
    return s;
}

std::string narrow(const std::wstring &w) {
    return narrow(w.data(), w.size());
}

HANDLE handle_of(int fd) {
    return reinterpret_cast<HANDLE>(_get_osfhandle(fd));
}

UINT g_console_cp = 0;

void restore_console() {
    if (g_console_cp != 0) SetConsoleOutputCP(g_console_cp);
}

/// `*.csv`, `bao-cao\\*.xlsx`: the files that match, sorted, with the
/// folder as written; none when nothing matches.
std::vector<std::string> expand(const std::wstring &pattern) {
    std::vector<std::string> found;
    std::size_t slash = pattern.find_last_of(L"\\/:");
    std::wstring folder = slash == std::wstring::npos ? std::wstring() : pattern.substr(0, slash + 1);
    WIN32_FIND_DATAW data;
    HANDLE h = FindFirstFileExW(pattern.c_str(), FindExInfoBasic, &data, FindExSearchNameMatch, nullptr, 0);
    if (h == INVALID_HANDLE_VALUE) return found;
    do {
        std::wstring name = data.cFileName;
        if (name == L"." || name == L"..") continue;
        if (name[0] == L'.' && pattern.find(L"\\.") == std::wstring::npos && pattern[0] != L'.') continue;
        found.push_back(narrow(folder + name));
    } while (FindNextFileW(h, &data));
    FindClose(h);
    std::sort(found.begin(), found.end());
    return found;
}

FileStatus from_attributes(const WIN32_FILE_ATTRIBUTE_DATA &data) {
    FileStatus s;
    s.exists = true;
    s.directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    s.regular = !s.directory && (data.dwFileAttributes & FILE_ATTRIBUTE_DEVICE) == 0;
    s.size = static_cast<std::int64_t>((static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow);
    return s;
}

bool write_all(HANDLE h, std::string_view text) {
    std::size_t done = 0;
    while (done < text.size()) {
        DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(text.size() - done, 1u << 30));
        DWORD written = 0;
        if (!WriteFile(h, text.data() + done, chunk, &written, nullptr)) return false;
        done += written;
    }
    return true;
}

/// Windows' words for an error, in UTF-8, without the final full stop.
std::string system_message(DWORD error) {
    wchar_t *buffer = nullptr;
    DWORD n = FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, error,
        MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), reinterpret_cast<wchar_t *>(&buffer), 0, nullptr);
    std::string text = n > 0 ? narrow(buffer, n) : fmt::format("Windows error {}", error);
    if (buffer != nullptr) LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '.' || text.back() == ' '))
        text.pop_back();
    return text;
}

bool held_open(DWORD error) {
    return error == ERROR_SHARING_VIOLATION || error == ERROR_LOCK_VIOLATION || error == ERROR_ACCESS_DENIED ||
           error == ERROR_USER_MAPPED_FILE;
}

std::wstring random_suffix() {
    static std::random_device device;
    static std::mt19937_64 random(device() ^ GetTickCount64() ^ GetCurrentProcessId());
    return widen(fmt::format("{:06x}", random() & 0xFFFFFF));
}

} // namespace

void start_process() {
    // UTF-8 on the console, restored at the end; bytes as they are on the
    // standard streams (no CR before each LF, no ^Z ending the input).
    g_console_cp = GetConsoleOutputCP();
    if (SetConsoleOutputCP(CP_UTF8)) std::atexit(restore_console);
    _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
    _setmode(2, _O_BINARY);
}

std::vector<std::string> arguments(int, char **) {
    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    std::vector<std::string> args;
    if (argv == nullptr) return args;
    for (int i = 1; i < argc; ++i) {
        std::wstring arg = argv[i];
        // cmd.exe hands `*.csv` on as it is: expand it as a POSIX shell would.
        if (!arg.empty() && arg[0] != L'-' && arg.find_first_of(L"*?") != std::wstring::npos) {
            std::vector<std::string> found = expand(arg);
            if (!found.empty()) {
                args.insert(args.end(), found.begin(), found.end());
                continue;
            }
        }
        args.push_back(narrow(arg));
    }
    LocalFree(argv);
    return args;
}

bool threads_read_files() {
    return false;
}

std::string join_found(const std::string &folder, std::string_view relative) {
    auto separator = [](char c) { return c == '/' || c == '\\'; };
    const char sep = folder.find('\\') != std::string::npos ? '\\' : folder.find('/') != std::string::npos ? '/' : '\\';
    while (!relative.empty() && separator(relative.front()))
        relative.remove_prefix(1);
    std::string path = folder;
    // `C:` alone is the current folder of drive C: `C:a.csv`.
    if (!path.empty() && !separator(path.back()) && path.back() != ':') path += sep;
    for (char c : relative)
        path += separator(c) ? sep : c;
    return path;
}

std::string_view file_name(std::string_view path) {
    const std::size_t slash = path.find_last_of("\\/:");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void write_error(std::string_view text) {
    HANDLE h = GetStdHandle(STD_ERROR_HANDLE);
    if (h != INVALID_HANDLE_VALUE && h != nullptr) write_all(h, text);
}

Start how_started() {
    const char *test = std::getenv("CCHC_DROP_TEST");
    if (test != nullptr && std::strcmp(test, "1") == 0) return Start::drop_test;
    // Explorer starts a console program in a new console that holds only
    // it; cmd.exe and PowerShell share theirs (two or more processes).
    DWORD processes[2];
    return GetConsoleProcessList(processes, 2) == 1 ? Start::dropped : Start::command;
}

bool open_with_default_program(const std::string &path) {
    auto result = reinterpret_cast<INT_PTR>(
        ShellExecuteW(nullptr, L"open", widen(path).c_str(), nullptr, nullptr, SW_SHOWNORMAL));
    return result > 32; // ShellExecuteW's way of saying it worked
}

void show_message(const std::string &title, const std::string &text, bool problem) {
    MessageBoxW(nullptr, widen(text).c_str(), widen(title).c_str(),
                MB_OK | MB_SETFOREGROUND | (problem ? MB_ICONWARNING : MB_ICONINFORMATION));
}

int open_read(const std::string &path) {
    std::wstring wide = widen(path);
    // A pattern that matched nothing (arguments) names no file, as on
    // Linux; Windows would say its name is invalid.
    if (wide.find_first_of(L"*?") != std::wstring::npos) {
        errno = ENOENT;
        return -1;
    }
    DWORD attributes = GetFileAttributesW(wide.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
        errno = EISDIR; // Windows cannot open a folder as a file
        return -1;
    }
    return _wopen(wide.c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
}

std::int64_t read_at(int fd, char *buffer, std::size_t size, std::int64_t offset) {
    OVERLAPPED at{};
    at.Offset = static_cast<DWORD>(static_cast<std::uint64_t>(offset) & 0xFFFFFFFFu);
    at.OffsetHigh = static_cast<DWORD>(static_cast<std::uint64_t>(offset) >> 32);
    DWORD got = 0;
    DWORD wanted = static_cast<DWORD>(std::min<std::size_t>(size, 1u << 30));
    if (ReadFile(handle_of(fd), buffer, wanted, &got, &at)) return got;
    if (GetLastError() == ERROR_HANDLE_EOF) return 0;
    errno = EIO;
    return -1;
}

FileStatus status(const std::string &path) {
    WIN32_FILE_ATTRIBUTE_DATA data;
    if (!GetFileAttributesExW(widen(path).c_str(), GetFileExInfoStandard, &data)) return {};
    return from_attributes(data);
}

FileStatus status(int fd) {
    HANDLE h = handle_of(fd);
    FileStatus s;
    if (h == INVALID_HANDLE_VALUE) return s;
    s.exists = true;
    if (GetFileType(h) != FILE_TYPE_DISK) return s; // a pipe or the console
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(h, &info)) return s;
    s.directory = (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    s.regular = !s.directory;
    s.size = static_cast<std::int64_t>((static_cast<std::uint64_t>(info.nFileSizeHigh) << 32) | info.nFileSizeLow);
    return s;
}

bool same_file(const std::string &a, const std::string &b) {
    auto identity = [](const std::string &path, BY_HANDLE_FILE_INFORMATION &info) {
        HANDLE h = CreateFileW(widen(path).c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
        if (h == INVALID_HANDLE_VALUE) return false;
        bool ok = GetFileInformationByHandle(h, &info) != 0;
        CloseHandle(h);
        return ok;
    };
    BY_HANDLE_FILE_INFORMATION ia, ib;
    if (!identity(a, ia) || !identity(b, ib)) return false;
    return ia.dwVolumeSerialNumber == ib.dwVolumeSerialNumber && ia.nFileIndexHigh == ib.nFileIndexHigh &&
           ia.nFileIndexLow == ib.nFileIndexLow;
}

bool is_terminal(int fd) {
    DWORD mode = 0;
    return GetConsoleMode(handle_of(fd), &mode) != 0;
}

std::size_t terminal_width(int fd) {
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(handle_of(fd), &info)) return 0;
    int width = info.srWindow.Right - info.srWindow.Left + 1;
    return width > 0 ? static_cast<std::size_t>(width) : 0;
}

bool colour_works(int fd) {
    HANDLE h = handle_of(fd);
    DWORD mode = 0;
    if (!GetConsoleMode(h, &mode)) return false;
    if ((mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0) return true;
    // Windows 10 and later draw the sequences once asked to; older consoles refuse.
    return SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
}

OutputFile::~OutputFile() {
    if (m_fd >= 0) _close(m_fd);
    if (!m_temporary.empty()) DeleteFileW(widen(m_temporary).c_str());
}

std::string OutputFile::open(const std::string &output, Lang lang) {
    m_output = output;
    m_lang = lang;
    auto cannot = [&](const std::string &why, std::string_view hint = {}) {
        return fmt::format(
            fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}{}\n", "cchc: cannot write '{}': {}{}\n")), output,
            why, hint);
    };
    const std::wstring target = widen(output);
    // A device (NUL, CON, a pipe) is no file on a disk; its attributes do
    // not say so (NUL looks like a file), its handle's type does.
    HANDLE probe = CreateFileW(target.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    const bool device = probe != INVALID_HANDLE_VALUE && GetFileType(probe) != FILE_TYPE_DISK;
    if (probe != INVALID_HANDLE_VALUE) CloseHandle(probe);
    if (device) {
        m_fd = _wopen(target.c_str(), _O_WRONLY | _O_BINARY | _O_NOINHERIT);
        return m_fd < 0 ? cannot(system_message(GetLastError())) : std::string();
    }
    m_target = output;
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        const std::wstring temporary = target + L".cchc-" + random_suffix();
        m_fd =
            _wopen(temporary.c_str(), _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
        if (m_fd >= 0)
            m_temporary = narrow(temporary.data(), temporary.size());
        else if (errno != EEXIST)
            break;
    }
    if (m_fd < 0)
        return cannot(system_message(GetLastError()),
                      pick(lang, " (kiểm tra thư mục có và ghi được)", " (check the folder exists and is writable)"));
    return {};
}

std::string OutputFile::write_failed(int error) const {
    return fmt::format(fmt::runtime(pick(m_lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")),
                       m_output, std::strerror(error));
}

std::string OutputFile::commit() {
    auto cannot = [&](const std::string &why) {
        return fmt::format(
            fmt::runtime(pick(m_lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")), m_output,
            why);
    };
    DWORD e = ERROR_SUCCESS;
    if (!m_temporary.empty() && _commit(m_fd) != 0) e = GetLastError(); // FlushFileBuffers
    if (_close(m_fd) != 0 && e == ERROR_SUCCESS) e = GetLastError();
    m_fd = -1;
    if (e != ERROR_SUCCESS) return cannot(system_message(e)); // the destructor removes the new file
    if (m_temporary.empty()) return {};
    if (!MoveFileExW(widen(m_temporary).c_str(), widen(m_target).c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        e = GetLastError();
        if (held_open(e))
            return fmt::format(fmt::runtime(pick(m_lang,
                                                 "cchc: không ghi được '{}': tệp đang mở trong chương trình khác; đóng "
                                                 "tệp trong Excel rồi chạy lại\n",
                                                 "cchc: cannot write '{}': another program has the file open; close "
                                                 "it in Excel and run again\n")),
                               m_output);
        return cannot(system_message(e));
    }
    m_temporary.clear();
    return {};
}

std::string temp_folder() {
    wchar_t buffer[MAX_PATH + 2];
    DWORD n = GetTempPathW(MAX_PATH + 1, buffer);
    std::wstring folder(buffer, n > 0 && n <= MAX_PATH + 1 ? n : 0);
    while (folder.size() > 3 && (folder.back() == L'\\' || folder.back() == L'/'))
        folder.pop_back();
    return folder.empty() ? std::string(".") : narrow(folder);
}

std::string make_temp_file(const std::string &stem, int &fd) {
    const std::wstring folder = widen(temp_folder());
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::wstring path = folder + L"\\" + widen(stem) + L"-" + random_suffix();
        fd = _wopen(path.c_str(), _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
        if (fd >= 0) return narrow(path);
        if (errno != EEXIST) break;
    }
    fd = -1;
    return {};
}

std::string make_temp_folder(const std::string &stem) {
    const std::wstring folder = widen(temp_folder());
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::wstring path = folder + L"\\" + widen(stem) + L"-" + random_suffix();
        if (CreateDirectoryW(path.c_str(), nullptr)) return narrow(path);
        if (GetLastError() != ERROR_ALREADY_EXISTS) break;
    }
    errno = EACCES;
    return {};
}

bool remove_file(const std::string &path) {
    return _wunlink(widen(path).c_str()) == 0;
}

namespace {

/// TCVN3 (TCVN 5712:1993 VN3, the .VnTime fonts), byte by byte as glibc's
/// TCVN5712-1 reads it; 0xB0–0xB4 are the tone marks alone (combining).
constexpr char16_t k_tcvn3[256] = {
    0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007, 0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D,
    0x000E, 0x000F, 0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4, 0x0018, 0x0019, 0x001A, 0x001B,
    0x001C, 0x001D, 0x001E, 0x001F, 0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027, 0x0028, 0x0029,
    0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F, 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F, 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045,
    0x0046, 0x0047, 0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F, 0x0050, 0x0051, 0x0052, 0x0053,
    0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F, 0x0060, 0x0061,
    0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, 0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D,
    0x007E, 0x007F, 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8,
    0x1EC6, 0x00CC, 0x1EC8, 0x0128, 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE,
    0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0,
    0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA,
    0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9,
    0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB,
    0x1EE3, 0x00F9, 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7,
    0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

void put_utf8(char32_t c, char *&out) {
    if (c < 0x80) {
        *out++ = static_cast<char>(c);
    } else if (c < 0x800) {
        *out++ = static_cast<char>(0xC0 | (c >> 6));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *out++ = static_cast<char>(0xE0 | (c >> 12));
        *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
        *out++ = static_cast<char>(0xF0 | (c >> 18));
        *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// TCVN3 through the table above.
class Tcvn3Converter : public Converter {
public:
    Result convert(char **in, std::size_t *in_left, char **out, std::size_t *out_left) override {
        if (in == nullptr || *in == nullptr) return Result::ok;
        while (*in_left > 0 && *out_left >= 3) {
            char *before = *out;
            put_utf8(k_tcvn3[static_cast<unsigned char>(**in)], *out);
            *out_left -= static_cast<std::size_t>(*out - before);
            ++*in;
            --*in_left;
        }
        return Result::ok;
    }
};

/// UTF-16 in either byte order: a byte or a high surrogate cut by the end
/// of the chunk waits for the next; a lone surrogate is not UTF-16.
class Utf16Converter : public Converter {
public:
    explicit Utf16Converter(bool big_endian) : m_big(big_endian) {}
    Result convert(char **in, std::size_t *in_left, char **out, std::size_t *out_left) override {
        if (in == nullptr || *in == nullptr) return Result::ok;
        auto unit = [&](const char *p) {
            auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[1]);
            return static_cast<char32_t>(m_big ? (a << 8) | b : (b << 8) | a);
        };
        while (*in_left > 0) {
            if (*in_left < 2) return Result::incomplete;
            char32_t c = unit(*in);
            std::size_t used = 2;
            if (c >= 0xD800 && c <= 0xDBFF) {
                if (*in_left < 4) return Result::incomplete;
                char32_t low = unit(*in + 2);
                if (low < 0xDC00 || low > 0xDFFF) return Result::invalid;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                used = 4;
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                return Result::invalid;
            }
            if (*out_left < 4) return Result::incomplete;
            char *before = *out;
            put_utf8(c, *out);
            *out_left -= static_cast<std::size_t>(*out - before);
            *in += used;
            *in_left -= used;
        }
        return Result::ok;
    }

private:
    bool m_big;
};

/// A Windows code page (Windows-1258 and the others) through
/// MultiByteToWideChar. The single-byte pages are read byte by byte when a
/// chunk has a byte the page does not define, to stop at that byte; a
/// double-byte page keeps a lead byte cut by the end of the chunk for the next.
class CodePageConverter : public Converter {
public:
    explicit CodePageConverter(UINT page) : m_page(page) {
        CPINFO info{};
        m_single = GetCPInfo(page, &info) && info.MaxCharSize == 1;
        m_windows_page = page == 874 || (page >= 1250 && page <= 1258);
    }
    Result convert(char **in, std::size_t *in_left, char **out, std::size_t *out_left) override {
        if (in == nullptr || *in == nullptr || *in_left == 0) return Result::ok;
        std::size_t take = *in_left;
        if (!m_single) {
            // Stop before a lead byte the chunk cuts from its trail byte.
            std::size_t i = 0;
            while (i < take)
                i += IsDBCSLeadByteEx(m_page, static_cast<BYTE>((*in)[i])) ? 2 : 1;
            if (i > take) take -= 1;
        }
        if (take > 0 && !convert_part(in, take, out, out_left)) {
            // Find the first byte the page does not define.
            std::size_t good = 0;
            while (good < take) {
                std::size_t step = !m_single && IsDBCSLeadByteEx(m_page, static_cast<BYTE>((*in)[good])) ? 2 : 1;
                std::wstring wide(2, L'\0');
                int n = MultiByteToWideChar(m_page, MB_ERR_INVALID_CHARS, *in + good, static_cast<int>(step),
                                            wide.data(), 2);
                if (n <= 0 || (m_windows_page && wide[0] >= 0x80 && wide[0] <= 0x9F)) break;
                good += step;
            }
            if (good > 0) convert_part(in, good, out, out_left);
            *in_left -= good;
            return Result::invalid;
        }
        *in_left -= take;
        return *in_left > 0 ? Result::incomplete : Result::ok;
    }

private:
    /// Converts the first `size` bytes; false (nothing moved) when one is not in the page.
    bool convert_part(char **in, std::size_t size, char **out, std::size_t *out_left) {
        int n = MultiByteToWideChar(m_page, MB_ERR_INVALID_CHARS, *in, static_cast<int>(size), nullptr, 0);
        if (n <= 0) return false;
        m_wide.resize(static_cast<std::size_t>(n));
        MultiByteToWideChar(m_page, MB_ERR_INVALID_CHARS, *in, static_cast<int>(size), m_wide.data(), n);
        // Windows reads the bytes a Windows-125x page leaves undefined (0x81,
        // 0x90 in Windows-1258…) as the C1 controls U+0080–U+009F; iconv,
        // and the page's published table, say they are not in it.
        if (m_windows_page &&
            std::any_of(m_wide.begin(), m_wide.end(), [](wchar_t c) { return c >= 0x80 && c <= 0x9F; }))
            return false;
        int bytes =
            WideCharToMultiByte(CP_UTF8, 0, m_wide.data(), n, *out, static_cast<int>(*out_left), nullptr, nullptr);
        if (bytes <= 0) return false;
        *out += bytes;
        *out_left -= static_cast<std::size_t>(bytes);
        *in += size;
        return true;
    }

    UINT m_page;
    bool m_single = true;
    bool m_windows_page = false; ///< 874 or 1250–1258: no C1 control is a character of the page
    std::wstring m_wide;
};

std::string upper(std::string s) {
    for (char &c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

/// The code page of an iconv-style name: WINDOWS-1258, CP1258, ISO-8859-1…
UINT code_page(const std::string &name) {
    auto number_after = [&](std::string_view prefix) -> UINT {
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
        std::string_view digits = std::string_view(name).substr(prefix.size());
        UINT n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9' || n > 100000) return 0;
            n = n * 10 + static_cast<UINT>(c - '0');
        }
        return n;
    };
    if (name == "ASCII" || name == "US-ASCII" || name == "ANSI_X3.4-1968") return 20127;
    if (name == "LATIN1" || name == "L1") return 28591;
    if (name == "SHIFT_JIS" || name == "SJIS") return 932;
    if (name == "GBK") return 936;
    if (name == "BIG5") return 950;
    if (name == "KOI8-R") return 20866;
    if (name == "MACINTOSH" || name == "MAC") return 10000;
    for (std::string_view prefix : {"WINDOWS-", "CP", "MS", "IBM"})
        if (UINT n = number_after(prefix)) return n;
    if (UINT n = number_after("ISO-8859-")) return n >= 1 && n <= 16 ? 28590 + n : 0;
    if (UINT n = number_after("ISO8859-")) return n >= 1 && n <= 16 ? 28590 + n : 0;
    return 0;
}

} // namespace

std::unique_ptr<Converter> Converter::open(const std::string &encoding) {
    const std::string name = upper(encoding);
    if (name == "UTF-16LE" || name == "UTF16LE" || name == "UTF-16" || name == "UCS-2LE" || name == "UCS-2")
        return std::make_unique<Utf16Converter>(false);
    if (name == "UTF-16BE" || name == "UTF16BE" || name == "UCS-2BE") return std::make_unique<Utf16Converter>(true);
    if (name == "TCVN5712-1" || name == "TCVN" || name == "TCVN-5712" || name == "TCVN5712-1:1993" || name == "TCVN3")
        return std::make_unique<Tcvn3Converter>();
    UINT page = code_page(name);
    if (page == 0 || page == CP_UTF8 || page == 1200 || page == 1201 || !IsValidCodePage(page)) return nullptr;
    return std::make_unique<CodePageConverter>(page);
}

void release_free_memory() {
    // The Windows heap decommits free pages itself.
}

} // namespace cchc::platform
