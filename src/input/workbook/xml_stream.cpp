// Streaming XML for a workbook's parts (see xml_stream.hpp).
#include "xml_stream.hpp"

#include "workbook_messages.hpp"

#include <cchc/base/error.hpp>

#include <expat.h>

#include <cstring>

namespace cchc::workbook_detail {

namespace {

// Names arrive as "uri\x01local" (expat's namespace mode).
constexpr char k_separator = '\x01';

// Without namespaces read, "x:row" is a row: the prefix is dropped.
void split_name(const char *raw, std::string_view &uri, std::string_view &name) {
    const char *cut = nullptr;
    const char *p = raw;
    for (; *p != '\0'; ++p)
        if (*p == k_separator || (*p == ':' && cut == nullptr)) cut = p;
    if (cut == nullptr) {
        uri = {};
        name = std::string_view(raw, static_cast<std::size_t>(p - raw));
    } else {
        uri = *cut == k_separator ? std::string_view(raw, static_cast<std::size_t>(cut - raw)) : std::string_view();
        name = std::string_view(cut + 1, static_cast<std::size_t>(p - cut - 1));
    }
}

XmlStream &stream_of(void *data) {
    return *static_cast<XmlStream *>(XML_GetUserData(static_cast<XML_Parser>(data)));
}

void on_start(void *data, const XML_Char *raw, const XML_Char **attributes) {
    XmlStream &s = stream_of(data);
    std::string_view uri, name;
    split_name(raw, uri, name);
    s.handler().start(uri, name, XmlAttributes(attributes));
    if (!s.handler().failure.empty()) s.stop_for_handler();
}

void on_end(void *data, const XML_Char *raw) {
    XmlStream &s = stream_of(data);
    std::string_view uri, name;
    split_name(raw, uri, name);
    s.handler().end(uri, name);
    if (!s.handler().failure.empty()) s.stop_for_handler();
}

void on_text(void *data, const XML_Char *text, int length) {
    XmlStream &s = stream_of(data);
    s.handler().text(std::string_view(text, static_cast<std::size_t>(length)));
    if (!s.handler().failure.empty()) s.stop_for_handler();
}

void on_doctype(void *data, const XML_Char *, const XML_Char *, const XML_Char *, int) {
    stream_of(data).refuse_dtd();
}

void on_entity(void *data, const XML_Char *, int, const XML_Char *, int, const XML_Char *, const XML_Char *,
               const XML_Char *, const XML_Char *) {
    stream_of(data).refuse_dtd();
}

} // namespace

const char *XmlAttributes::get(std::string_view wanted) const {
    for (const char **a = m_raw; *a != nullptr; a += 2)
        if (local_name(a[0]) == wanted) return a[1];
    return nullptr;
}

XmlStream::XmlStream(XmlHandler &handler, std::string file, std::string part, Lang lang, bool namespaces)
    : m_handler(handler), m_file(std::move(file)), m_part(std::move(part)), m_lang(lang) {
    XML_Parser parser = namespaces ? XML_ParserCreateNS(nullptr, k_separator) : XML_ParserCreate(nullptr);
    if (parser == nullptr) throw std::bad_alloc();
    m_parser = parser;
    XML_SetUserData(parser, this);
    XML_UseParserAsHandlerArg(parser);
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_text);
    XML_SetStartDoctypeDeclHandler(parser, on_doctype);
    XML_SetEntityDeclHandler(parser, on_entity);
    // No external entity is ever loaded: expat does not without a handler,
    // and parameter entities are not parsed.
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() {
    XML_ParserFree(static_cast<XML_Parser>(m_parser));
}

void XmlStream::refuse_dtd() {
    m_dtd = true;
    XML_StopParser(static_cast<XML_Parser>(m_parser), XML_FALSE);
}

void XmlStream::stop_for_handler() {
    if (m_handler_failed) return;
    m_handler_failed = true;
    XML_StopParser(static_cast<XML_Parser>(m_parser), XML_FALSE);
}

void XmlStream::check(int status) {
    if (m_dtd) throw Error(dtd_message(m_file, m_part, m_lang));
    if (m_handler_failed) throw Error(m_handler.failure);
    if (status == XML_STATUS_ERROR) {
        XML_Parser parser = static_cast<XML_Parser>(m_parser);
        throw Error(bad_xml_message(m_file, m_part, static_cast<long>(XML_GetCurrentLineNumber(parser)),
                                    XML_ErrorString(XML_GetErrorCode(parser)), m_lang));
    }
}

void XmlStream::feed(std::string_view chunk) {
    check(XML_Parse(static_cast<XML_Parser>(m_parser), chunk.data(), static_cast<int>(chunk.size()), XML_FALSE));
}

void XmlStream::finish() {
    check(XML_Parse(static_cast<XML_Parser>(m_parser), "", 0, XML_TRUE));
}

bool XmlStream::pull(const std::function<std::string_view()> &chunks) {
    if (m_finished) return false;
    std::string_view chunk = chunks();
    if (chunk.empty()) {
        m_finished = true;
        finish();
        return false;
    }
    feed(chunk);
    return true;
}

std::function<std::string_view()> text_chunks(std::string_view xml) {
    return [xml, at = std::size_t{0}]() mutable {
        std::string_view c = xml.substr(std::min(at, xml.size()), 4096);
        at += c.size();
        return c;
    };
}

} // namespace cchc::workbook_detail
