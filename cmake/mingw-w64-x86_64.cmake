# Cross-compiling cchc for 64-bit Windows with Debian's MinGW-w64 (the
# POSIX-threads flavour: std::thread and std::mutex need it).
#   cmake -S . -B build/windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# scripts/build-windows.sh does the whole build, libraries included.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(CCHC_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${CCHC_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CCHC_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${CCHC_MINGW_TRIPLE}-windres)
set(CMAKE_AR ${CCHC_MINGW_TRIPLE}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${CCHC_MINGW_TRIPLE}-ranlib CACHE FILEPATH "")

# Libraries and headers for Windows only from the MinGW root and from the
# prefix the Windows libraries were built into (CMAKE_PREFIX_PATH or
# CCHC_WINDOWS_DEPS); programs from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${CCHC_MINGW_TRIPLE})
if(DEFINED CCHC_WINDOWS_DEPS)
  list(APPEND CMAKE_FIND_ROOT_PATH ${CCHC_WINDOWS_DEPS})
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests and try_run under wine when it is there.
# (Debian keeps wine64 in /usr/lib/wine unless the wine package is installed.)
find_program(CCHC_WINE NAMES wine64 wine PATHS /usr/lib/wine)
if(CCHC_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${CCHC_WINE})
endif()
