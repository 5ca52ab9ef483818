#pragma once
// Streaming XML (expat) for a workbook's parts: elements and text are
// handed to a handler as they are parsed, so nothing of a part is held but
// what the handler keeps. A DTD or an entity declaration is refused
// (a workbook never has one; it is how billion-laughs and external-entity
// attacks start), and expat's amplification limit stays on.

#include <cchc/base/lang.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace cchc::workbook_detail {

/// One attribute: its namespace URI (empty for none), local name and value.
struct XmlAttribute {
    std::string_view uri;
    std::string_view name;
    std::string_view value;
};

/// Attributes of an element, as expat gives them.
class XmlAttributes {
public:
    explicit XmlAttributes(const char **raw) : m_raw(raw) {}
    /// The value of the attribute of that local name (any namespace), or null.
    const char *get(std::string_view name) const;
    /// Each attribute's local name and value, in one pass (a cell's three).
    template <class F>
    void each(F &&f) const {
        for (const char **a = m_raw; *a != nullptr; a += 2)
            f(local_name(a[0]), a[1]);
    }
    /// "uri\x01name" (namespaces read) or "x:name" (not read) → "name".
    static std::string_view local_name(const char *raw) {
        const char *local = raw;
        const char *p = raw;
        for (; *p != '\0'; ++p)
            if (*p == '\x01' || *p == ':') local = p + 1;
        return std::string_view(local, static_cast<std::size_t>(p - local));
    }

private:
    const char **m_raw;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view uri, std::string_view name, const XmlAttributes &attributes) = 0;
    virtual void end(std::string_view uri, std::string_view name) = 0;
    virtual void text(std::string_view data) = 0;
    /// Set by the handler to stop the parse with this message (a part too
    /// large, a reference out of range): the parser throws it as Error.
    std::string failure;
};

/// Parses a part fed in chunks. Throws Error naming `file` and `part`
/// for XML that is not well formed, a DTD, or the handler's failure.
class XmlStream {
public:
    /// `namespaces` false: names come as written ("x:mergeCell"), for a
    /// block cut out of a part, where its prefixes are not declared.
    XmlStream(XmlHandler &handler, std::string file, std::string part, Lang lang, bool namespaces = true);
    ~XmlStream();
    XmlStream(const XmlStream &) = delete;
    XmlStream &operator=(const XmlStream &) = delete;
    void feed(std::string_view chunk);
    void finish();
    /// Feeds the next chunk `chunks` gives, or finishes the parse at the
    /// first empty one; false once finished (a reader pulling events calls
    /// it until it has what it wants).
    bool pull(const std::function<std::string_view()> &chunks);

    // For expat's C callbacks.
    XmlHandler &handler() { return m_handler; }
    void refuse_dtd();
    void stop_for_handler();

private:
    void check(int status);

    void *m_parser;
    XmlHandler &m_handler;
    std::string m_file;
    std::string m_part;
    Lang m_lang;
    bool m_dtd = false;
    bool m_handler_failed = false;
    bool m_finished = false; ///< by pull
};

/// Chunks of a text held in memory, as the zip would hand them over.
std::function<std::string_view()> text_chunks(std::string_view xml);

} // namespace cchc::workbook_detail
