#pragma once
// Messages that more than one file of the input stage gives, each written
// once, in both languages. Only src/input includes this; messages other
// stages give too are declared in include/cchc/input/encoding.hpp.

#include <cchc/base/lang.hpp>

#include <string>

namespace cchc {

/// A NUL byte in the text (encoding.cpp).
std::string nul_byte_message(Lang lang);

/// A byte that is not UTF-8 in a file read as UTF-8 (encoding.cpp).
std::string not_utf8_message(unsigned char byte, Lang lang);

/// A record with more than TextReader::k_max_cells cells (text_reader.cpp).
std::string too_many_cells_message(Lang lang);

} // namespace cchc
