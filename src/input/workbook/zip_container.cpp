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

namespace {

bool too_large(std::uint64_t inflated, std::uint64_t compressed) {
    return inflated > k_max_part_bytes ||
           (inflated > k_ratio_from_bytes && inflated / std::max<std::uint64_t>(compressed, 1) > k_max_ratio);
}

} // namespace

ZipPart::ZipPart(const ZipContainer &zip, const std::string &part) : m_zip(zip), m_part(part) {
    zip_int64_t index = libzip::zip_name_locate(zip.m_zip, part.c_str(), 0);
    if (index < 0) throw Error(missing_part_message(zip.m_name, part, zip.m_lang));
    zip_stat_t st;
    libzip::zip_stat_init(&st);
    if (libzip::zip_stat_index(zip.m_zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        throw Error(broken_workbook_message(zip.m_name, libzip::zip_strerror(zip.m_zip), zip.m_lang));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw Error(encrypted_workbook_message(zip.m_name, zip.m_lang));
    m_compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    // The sizes the directory states are checked first, and the bytes
    // inflated counted as they come: a directory can lie.
    if ((st.valid & ZIP_STAT_SIZE) && too_large(st.size, m_compressed))
        throw Error(zip_bomb_message(zip.m_name, part, zip.m_lang));
    m_file = libzip::zip_fopen_index(zip.m_zip, static_cast<zip_uint64_t>(index), 0);
    if (m_file == nullptr)
        throw Error(broken_workbook_message(zip.m_name, libzip::zip_strerror(zip.m_zip), zip.m_lang));
    m_buffer.resize(1 << 16);
}

ZipPart::~ZipPart() {
    if (m_file != nullptr) libzip::zip_fclose(m_file);
}

std::string_view ZipPart::next() {
    zip_int64_t n = libzip::zip_fread(m_file, m_buffer.data(), m_buffer.size());
    if (n < 0) throw Error(broken_workbook_message(m_zip.m_name, libzip::zip_file_strerror(m_file), m_zip.m_lang));
    m_total += static_cast<std::uint64_t>(n);
    if (too_large(m_total, m_compressed)) throw Error(zip_bomb_message(m_zip.m_name, m_part, m_zip.m_lang));
    return std::string_view(m_buffer.data(), static_cast<std::size_t>(n));
}

void ZipContainer::read(const std::string &part, const std::function<void(std::string_view)> &chunk) const {
    ZipPart file(*this, part);
    for (std::string_view c; !(c = file.next()).empty();)
        chunk(c);
}

} // namespace cchc::workbook_detail
