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

struct zip;

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
    ::zip *m_zip = nullptr;
    std::string m_name;
    Lang m_lang;
};

} // namespace cchc::workbook_detail
