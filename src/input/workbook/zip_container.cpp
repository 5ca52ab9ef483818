// A workbook's zip container (see zip_container.hpp).
#include "zip_container.hpp"

#include "libzip.hpp"

#include "workbook_messages.hpp"

#include <cchc/base/error.hpp>

#include <fmt/format.h>

#include <memory>
#include <vector>

namespace cchc::workbook_detail {

ZipContainer::ZipContainer(std::string_view bytes, const std::string &name, Lang lang) : m_name(name), m_lang(lang) {
    platform::open_library(libzip::k_soname, libzip::k_package, lang, "đọc sổ tính (.xlsx, .ods)",
                           "read a workbook (.xlsx, .ods)");
    zip_error_t error;
    libzip::zip_error_init(&error);
    zip_source_t *source = libzip::zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        libzip::zip_error_fini(&error);
        throw Error(broken_workbook_message(name, "zip_source_buffer_create", lang));
    }
    m_zip = libzip::zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (m_zip == nullptr) {
        std::string why = libzip::zip_error_strerror(&error);
        libzip::zip_source_free(source);
        libzip::zip_error_fini(&error);
        throw Error(broken_workbook_message(name, why, lang));
    }
    libzip::zip_error_fini(&error);
}

ZipContainer::~ZipContainer() {
    if (m_zip != nullptr) libzip::zip_discard(m_zip);
}

bool ZipContainer::has(const std::string &part) const {
    return libzip::zip_name_locate(m_zip, part.c_str(), 0) >= 0;
}

void ZipContainer::read(const std::string &part, const std::function<void(std::string_view)> &chunk) const {
    zip_int64_t index = libzip::zip_name_locate(m_zip, part.c_str(), 0);
    if (index < 0) throw Error(missing_part_message(m_name, part, m_lang));
    zip_stat_t st;
    libzip::zip_stat_init(&st);
    if (libzip::zip_stat_index(m_zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        throw Error(broken_workbook_message(m_name, libzip::zip_strerror(m_zip), m_lang));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw Error(encrypted_workbook_message(m_name, m_lang));
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    auto too_large = [&](std::uint64_t inflated) {
        return inflated > k_max_part_bytes ||
               (inflated > k_ratio_from_bytes && inflated / std::max<std::uint64_t>(compressed, 1) > k_max_ratio);
    };
    // The sizes the directory states are checked first, and the bytes
    // inflated counted as they come: a directory can lie.
    if ((st.valid & ZIP_STAT_SIZE) && too_large(st.size)) throw Error(zip_bomb_message(m_name, part, m_lang));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> file(
        libzip::zip_fopen_index(m_zip, static_cast<zip_uint64_t>(index), 0),
        [](zip_file_t *f) { return libzip::zip_fclose(f); });
    if (!file) throw Error(broken_workbook_message(m_name, libzip::zip_strerror(m_zip), m_lang));
    std::vector<char> buffer(1 << 16);
    std::uint64_t total = 0;
    for (;;) {
        zip_int64_t n = libzip::zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0) throw Error(broken_workbook_message(m_name, libzip::zip_file_strerror(file.get()), m_lang));
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        if (too_large(total)) throw Error(zip_bomb_message(m_name, part, m_lang));
        chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

} // namespace cchc::workbook_detail
