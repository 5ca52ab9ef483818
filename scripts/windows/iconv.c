/* See iconv.h. A converter is the source code page number itself. */
#include "iconv.h"
#include "localcharset.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#define UTF16LE_PAGE 1200

static unsigned code_page(const char *name) {
    if (_stricmp(name, "UTF-8") == 0) return CP_UTF8;
    if (_stricmp(name, "UTF-16LE") == 0) return UTF16LE_PAGE;
    if (_stricmp(name, "ASCII") == 0) return 20127;
    if (_stricmp(name, "MacRoman") == 0) return 10000;
    if (_strnicmp(name, "CP", 2) == 0) return (unsigned)strtoul(name + 2, NULL, 10);
    if (_strnicmp(name, "WINDOWS-", 8) == 0) return (unsigned)strtoul(name + 8, NULL, 10);
    return 0;
}

iconv_t iconv_open(const char *tocode, const char *fromcode) {
    unsigned page = code_page(fromcode);
    if (code_page(tocode) != CP_UTF8 || page == 0 || (page != UTF16LE_PAGE && !IsValidCodePage(page))) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    return (iconv_t)(uintptr_t)page;
}

int iconv_close(iconv_t cd) {
    (void)cd;
    return 0;
}

size_t iconv(iconv_t cd, char **inbuf, size_t *inbytesleft, char **outbuf, size_t *outbytesleft) {
    unsigned page = (unsigned)(uintptr_t)cd;
    if (inbuf == NULL || *inbuf == NULL || *inbytesleft == 0) return 0;
    if (*inbytesleft > 0x3fffffff) {
        errno = EINVAL;
        return (size_t)-1;
    }
    int in_len = (int)*inbytesleft;
    WCHAR *wide = NULL;
    int wide_len;
    if (page == UTF16LE_PAGE) {
        wide_len = in_len / 2;
        wide = malloc(sizeof(WCHAR) * (size_t)(wide_len > 0 ? wide_len : 1));
        if (wide == NULL) return errno = ENOMEM, (size_t)-1;
        memcpy(wide, *inbuf, sizeof(WCHAR) * (size_t)wide_len);
    } else {
        wide_len = MultiByteToWideChar(page, MB_ERR_INVALID_CHARS, *inbuf, in_len, NULL, 0);
        if (wide_len <= 0) return errno = EILSEQ, (size_t)-1;
        wide = malloc(sizeof(WCHAR) * (size_t)wide_len);
        if (wide == NULL) return errno = ENOMEM, (size_t)-1;
        MultiByteToWideChar(page, MB_ERR_INVALID_CHARS, *inbuf, in_len, wide, wide_len);
        /* Windows reads the bytes a Windows-125x page (or 874) leaves
           undefined (0x81, 0x90 ... in 1258) as the C1 controls U+0080-U+009F
           (874, 1253 and 1255 a few as private-use characters, U+F8xx),
           where iconv refuses them, as platform::Converter does: none of
           those is a character of such a page. */
        if (page == 874 || (page >= 1250 && page <= 1258))
            for (int i = 0; i < wide_len; ++i)
                if ((wide[i] >= 0x80 && wide[i] <= 0x9F) || (wide[i] >= 0xE000 && wide[i] <= 0xF8FF)) {
                    free(wide);
                    return errno = EILSEQ, (size_t)-1;
                }
    }
    int out_len = wide_len == 0 ? 0 : WideCharToMultiByte(CP_UTF8, 0, wide, wide_len, NULL, 0, NULL, NULL);
    if (wide_len > 0 && out_len <= 0) {
        free(wide);
        return errno = EILSEQ, (size_t)-1;
    }
    if ((size_t)out_len > *outbytesleft) {
        free(wide);
        return errno = E2BIG, (size_t)-1;
    }
    if (out_len > 0) WideCharToMultiByte(CP_UTF8, 0, wide, wide_len, *outbuf, out_len, NULL, NULL);
    free(wide);
    size_t used = page == UTF16LE_PAGE ? (size_t)wide_len * 2 : (size_t)in_len;
    *inbuf += used;
    *inbytesleft -= used;
    *outbuf += out_len;
    *outbytesleft -= (size_t)out_len;
    return 0;
}

/* freexl's configure asks for it; freexl itself does not call it. */
const char *locale_charset(void) { return "UTF-8"; }
