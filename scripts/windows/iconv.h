/* The part of iconv that freexl calls, for Windows, which has no iconv:
 * whole strings from a Windows code page (or UTF-16LE) to UTF-8, done by
 * MultiByteToWideChar and WideCharToMultiByte. Built into the libraries
 * prefix by scripts/build-windows.sh; cchc itself does not use it. */
#ifndef CCHC_WINDOWS_ICONV_H
#define CCHC_WINDOWS_ICONV_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef void *iconv_t;
iconv_t iconv_open(const char *tocode, const char *fromcode);
size_t iconv(iconv_t cd, char **inbuf, size_t *inbytesleft, char **outbuf, size_t *outbytesleft);
int iconv_close(iconv_t cd);
#ifdef __cplusplus
}
#endif
#endif
