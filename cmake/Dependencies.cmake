# Finds the Debian packages cchc builds with; a missing one stops the
# configure step with the exact command that installs it.

set(CCHC_APT_LINE "apt-get install -y libcli11-dev libfccp-dev libfmt-dev doctest-dev libutf8proc-dev libxlsxwriter-dev libzip-dev libexpat1-dev libfreexl-dev (or run scripts/setup.sh as root)")

# Windows (cross-built by scripts/build-windows.sh): the static libraries it
# built into CCHC_WINDOWS_DEPS, and there the header-only libraries' headers.
if(WIN32)
  function(cchc_windows_library target header library)
    string(TOUPPER ${library} name)
    find_path(${name}_INCLUDE_DIR ${header} REQUIRED)
    find_library(${name}_LIBRARY NAMES lib${library}.a REQUIRED)
    add_library(${target} STATIC IMPORTED GLOBAL)
    set_target_properties(${target} PROPERTIES
      IMPORTED_LOCATION "${${name}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${${name}_INCLUDE_DIR}"
      INTERFACE_COMPILE_DEFINITIONS "${ARGN}")
  endfunction()
  function(cchc_windows_headers target header)
    find_path(${target}_DIR ${header} REQUIRED)
    add_library(${target} INTERFACE IMPORTED GLOBAL)
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${${target}_DIR}" INTERFACE_COMPILE_DEFINITIONS "${ARGN}")
  endfunction()
  # fmt is compiled once into libfmt.a there (scripts/build-windows.sh):
  # header-only, its code is compiled again in every file. The target keeps
  # the Linux build's name.
  cchc_windows_library(fmt::fmt-header-only fmt/format.h fmt)
  cchc_windows_headers(CLI11::CLI11 CLI/CLI.hpp)
  cchc_windows_headers(doctest::doctest doctest/doctest.h)
  find_path(FCCP_INCLUDE_DIR libfccp/csv.h REQUIRED)
  find_library(ZLIB_STATIC NAMES libz.a REQUIRED)
  cchc_windows_library(utf8proc::utf8proc utf8proc.h utf8proc UTF8PROC_STATIC)
  cchc_windows_library(xlsxwriter::xlsxwriter xlsxwriter.h xlsxwriter)
  cchc_windows_library(libzip::zip zip.h zip ZIP_STATIC)
  cchc_windows_library(EXPAT::EXPAT expat.h expat XML_STATIC)
  cchc_windows_library(freexl::freexl freexl.h freexl)
  # freexl converts with the small iconv of scripts/windows/iconv.c.
  find_library(ICONV_STATIC NAMES libiconv.a REQUIRED)
  set_target_properties(freexl::freexl PROPERTIES INTERFACE_LINK_LIBRARIES "${ICONV_STATIC}")
  set_target_properties(xlsxwriter::xlsxwriter PROPERTIES INTERFACE_LINK_LIBRARIES "${ZLIB_STATIC}")
  set_target_properties(libzip::zip PROPERTIES INTERFACE_LINK_LIBRARIES "${ZLIB_STATIC}")
  return()
endif()

function(cchc_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "cchc needs ${what} (Debian package ${package}).\nInstall it with:\n  ${CCHC_APT_LINE}")
  endif()
endfunction()

find_package(fmt CONFIG QUIET)
cchc_require(fmt_FOUND "the fmt library" libfmt-dev)

find_package(CLI11 CONFIG QUIET)
cchc_require(CLI11_FOUND "CLI11" libcli11-dev)

find_path(FCCP_INCLUDE_DIR libfccp/csv.h)
cchc_require(FCCP_INCLUDE_DIR "fast-cpp-csv-parser" libfccp-dev)

find_path(UTF8PROC_INCLUDE_DIR utf8proc.h)
# The static library when there is one: one shared library fewer to load
# and relocate at every start (see docs/performance.md).
find_library(UTF8PROC_LIBRARY NAMES libutf8proc.a utf8proc)
if(UTF8PROC_INCLUDE_DIR AND UTF8PROC_LIBRARY)
  set(UTF8PROC_FOUND TRUE)
  add_library(utf8proc::utf8proc UNKNOWN IMPORTED)
  set_target_properties(utf8proc::utf8proc PROPERTIES
    IMPORTED_LOCATION "${UTF8PROC_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${UTF8PROC_INCLUDE_DIR}")
endif()
cchc_require(UTF8PROC_FOUND "utf8proc" libutf8proc-dev)

# A library found by its header and its file, as an imported target; with
# STATIC, its static archive when the -dev package has one (one shared
# library fewer to load and relocate at every start, as utf8proc's).
function(cchc_find_library target header library)
  string(TOUPPER ${library} name)
  find_path(${name}_INCLUDE_DIR ${header})
  if("STATIC" IN_LIST ARGN)
    find_library(${name}_LIBRARY NAMES lib${library}.a ${library})
  else()
    find_library(${name}_LIBRARY NAMES ${library})
  endif()
  if(${name}_INCLUDE_DIR AND ${name}_LIBRARY)
    set(${name}_FOUND TRUE PARENT_SCOPE)
    add_library(${target} UNKNOWN IMPORTED GLOBAL)
    set_target_properties(${target} PROPERTIES
      IMPORTED_LOCATION "${${name}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${${name}_INCLUDE_DIR}")
  endif()
endfunction()

# --format xlsx: the library made for writing Excel workbooks.
cchc_find_library(xlsxwriter::xlsxwriter xlsxwriter.h xlsxwriter)
cchc_require(XLSXWRITER_FOUND "libxlsxwriter" libxlsxwriter-dev)

# Workbooks: libzip for the .xlsx/.ods container, expat to stream their XML
# (memory stays flat however many rows a worksheet has), freexl for .xls.
# (libzip's own CMake package wants its command-line tools installed too:
# the header and the library are found directly, as freexl's.)
cchc_find_library(libzip::zip zip.h zip)
cchc_require(ZIP_FOUND "libzip" libzip-dev)

cchc_find_library(EXPAT::EXPAT expat.h expat STATIC)
cchc_require(EXPAT_FOUND "expat" libexpat1-dev)

cchc_find_library(freexl::freexl freexl.h freexl STATIC)
cchc_require(FREEXL_FOUND "freexl" libfreexl-dev)
# freexl 2 reads .xlsx and .ods too, through minizip and expat: its archive
# then needs libraries of its own. The shared library when the archive
# does not link alone.
if(FREEXL_LIBRARY MATCHES "\\.a$")
  include(CheckCXXSourceCompiles)
  set(CMAKE_REQUIRED_INCLUDES ${FREEXL_INCLUDE_DIR})
  set(CMAKE_REQUIRED_LIBRARIES ${FREEXL_LIBRARY} m)
  set(CMAKE_REQUIRED_QUIET TRUE)
  check_cxx_source_compiles("#include <freexl.h>
int main() { const void *h = nullptr; return freexl_open(\"x.xls\", &h); }" CCHC_FREEXL_ARCHIVE_LINKS)
  unset(CMAKE_REQUIRED_INCLUDES)
  unset(CMAKE_REQUIRED_LIBRARIES)
  unset(CMAKE_REQUIRED_QUIET)
  if(NOT CCHC_FREEXL_ARCHIVE_LINKS)
    string(REGEX REPLACE "\\.a$" ".so" FREEXL_SHARED_LIBRARY "${FREEXL_LIBRARY}")
    set_target_properties(freexl::freexl PROPERTIES IMPORTED_LOCATION "${FREEXL_SHARED_LIBRARY}")
  endif()
endif()

# libxlsxwriter and libzip (and the libcrypto both bring) are opened on
# first use, not at every start (include/cchc/platform/library.hpp): the
# code is given each one's soname and its Debian runtime package (Debian
# names it from the soname: libzip.so.4 is in libzip4), and is not linked
# to them. Without a soname (a static library) they are linked as usual.
function(cchc_lazy_library target prefix)
  get_target_property(file ${target} IMPORTED_LOCATION)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${file} OUTPUT_VARIABLE dump ERROR_QUIET RESULT_VARIABLE failed)
  string(REGEX MATCH "SONAME +([^ \n]+)" matched "${dump}")
  if(failed OR NOT matched)
    set(${prefix}_LAZY FALSE PARENT_SCOPE)
    return()
  endif()
  set(soname ${CMAKE_MATCH_1})
  string(REGEX REPLACE "\\.so\\.([0-9]+).*$" "\\1" major "${soname}")
  string(REGEX REPLACE "\\.so\\..*$" "" stem "${soname}")
  add_library(${target}_lazy INTERFACE IMPORTED GLOBAL)
  get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set_target_properties(${target}_lazy PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${includes}"
    INTERFACE_COMPILE_DEFINITIONS "CCHC_LAZY_LIBRARIES;${prefix}_SONAME=\"${soname}\";${prefix}_PACKAGE=\"${stem}${major}\""
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
  set(${prefix}_LAZY TRUE PARENT_SCOPE)
endfunction()
cchc_lazy_library(xlsxwriter::xlsxwriter CCHC_XLSXWRITER)
cchc_lazy_library(libzip::zip CCHC_LIBZIP)

if(CCHC_BUILD_TESTS)
  find_package(doctest CONFIG QUIET)
  cchc_require(doctest_FOUND "doctest" doctest-dev)
endif()
