#pragma once
// The product version, set by CMake from project(VERSION).
#ifndef CCHC_VERSION
#define CCHC_VERSION "0.1.0"
#endif
