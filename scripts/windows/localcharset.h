/* freexl includes it on Windows; see iconv.h. */
#ifndef CCHC_WINDOWS_LOCALCHARSET_H
#define CCHC_WINDOWS_LOCALCHARSET_H
#ifdef __cplusplus
extern "C" {
#endif
const char *locale_charset(void);
#ifdef __cplusplus
}
#endif
#endif
