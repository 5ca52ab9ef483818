#pragma once
// A workbook's zip container (libzip), read from memory and part by part:
// a part is inflated in chunks straight into the XML parser, so memory
// does not grow with a worksheet's size. Parts that inflate past the
// limits below are refused as zip bombs.

#include <cchc/base/lang.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_file;

namespace cchc::workbook_detail {

/// The most one part may inflate to.
inline constexpr std::uint64_t k_max_part_bytes = std::uint64_t{1} << 30; // 1 GiB
/// Past this many inflated bytes, a part may be at most k_max_ratio times
/// its compressed size (XML of a worksheet compresses 10 to 30 times).
inline constexpr std::uint64_t k_ratio_from_bytes = std::uint64_t{16} << 20; // 16 MiB
inline constexpr std::uint64_t k_max_ratio = 200;

class ZipContainer {
public:
    /// Opens the zip in `bytes` (kept alive by the caller); throws Error
    /// naming `name` when it is no zip or a broken one.
    ZipContainer(std::string_view bytes, const std::string &name, Lang lang);
    ~ZipContainer();
    ZipContainer(const ZipContainer &) = delete;
    ZipContainer &operator=(const ZipContainer &) = delete;

    bool has(const std::string &part) const;
    /// Hands the part's inflated bytes to `chunk`, in order; throws Error
    /// for a missing, encrypted, broken or too large part.
    void read(const std::string &part, const std::function<void(std::string_view)> &chunk) const;

private:
    friend class ZipPart;
    ::zip *m_zip = nullptr;
    std::string m_name;
    Lang m_lang;
};

/// One part's inflated bytes pulled a chunk at a time, with the checks
/// of ZipContainer::read (which reads through one).
class ZipPart {
public:
    ZipPart(const ZipContainer &zip, const std::string &part);
    ~ZipPart();
    ZipPart(const ZipPart &) = delete;
    ZipPart &operator=(const ZipPart &) = delete;
    /// The next chunk (valid until the next call), empty at the end.
    std::string_view next();

private:
    const ZipContainer &m_zip;
    std::string m_part;
    zip_file *m_file = nullptr;
    std::uint64_t m_compressed = 0;
    std::uint64_t m_total = 0;
    std::vector<char> m_buffer;
};

} // namespace cchc::workbook_detail
