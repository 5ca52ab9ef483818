#pragma once
// The functions of libzip that the workbook container calls, opened on
// first use (platform/library.hpp): a run on CSV files never loads libzip,
// nor the libcrypto it brings.

#include <cchc/platform/library.hpp>

#include <zip.h>

#ifndef CCHC_LIBZIP_SONAME
#define CCHC_LIBZIP_SONAME "libzip"
#define CCHC_LIBZIP_PACKAGE "libzip"
#endif

namespace cchc::libzip {

inline constexpr const char *k_soname = CCHC_LIBZIP_SONAME;
inline constexpr const char *k_package = CCHC_LIBZIP_PACKAGE;

#define CCHC_LIBZIP(name) CCHC_LIBRARY_FUNCTION(k_soname, k_package, name)
CCHC_LIBZIP(zip_discard)
CCHC_LIBZIP(zip_error_fini)
CCHC_LIBZIP(zip_error_init)
CCHC_LIBZIP(zip_error_strerror)
CCHC_LIBZIP(zip_file_strerror)
CCHC_LIBZIP(zip_fopen_index)
CCHC_LIBZIP(zip_fread)
CCHC_LIBZIP(zip_fclose)
CCHC_LIBZIP(zip_name_locate)
CCHC_LIBZIP(zip_open_from_source)
CCHC_LIBZIP(zip_source_buffer_create)
CCHC_LIBZIP(zip_source_free)
CCHC_LIBZIP(zip_stat_index)
CCHC_LIBZIP(zip_stat_init)
CCHC_LIBZIP(zip_strerror)
#undef CCHC_LIBZIP

} // namespace cchc::libzip
