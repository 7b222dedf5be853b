// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
//
// Stand-in for nf-interpreter's src/CLR/Include/nanoCLR_Interop.h, for tests/TinTin.Native.Tests only
// (never part of a firmware): the subset of the names the TinTin interop glue uses, with the same
// spelling and meaning (the HRESULT macros are copied in form from nf-interpreter; the error codes
// are MAKE_HRESULT(SEVERITY_ERROR, code, 0) as in its nf_errors_exceptions.h).
#ifndef NANOCLR_INTEROP_H
#define NANOCLR_INTEROP_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t HRESULT;
typedef int8_t CLR_INT8;
typedef uint8_t CLR_UINT8;
typedef int16_t CLR_INT16;
typedef uint16_t CLR_UINT16;
typedef int32_t CLR_INT32;
typedef uint32_t CLR_UINT32;
typedef int64_t CLR_INT64;
typedef uint64_t CLR_UINT64;

#define S_OK ((HRESULT)0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define TT_STANDIN_HRESULT(code) ((HRESULT)(0x80000000u | ((uint32_t)(code) << 16)))
#define CLR_E_NULL_REFERENCE TT_STANDIN_HRESULT(0x2100)
#define CLR_E_OUT_OF_RANGE TT_STANDIN_HRESULT(0x2500)
#define CLR_E_INDEX_OUT_OF_RANGE TT_STANDIN_HRESULT(0x2900)
#define CLR_E_ARGUMENT_NULL TT_STANDIN_HRESULT(0x4e00)
#define CLR_E_INVALID_PARAMETER TT_STANDIN_HRESULT(0x7D00)
#define CLR_E_NOTIMPL TT_STANDIN_HRESULT(0x7B00)

#define NANOCLR_LEAVE() goto nanoCLR_Cleanup
#define NANOCLR_RETURN() return hr
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_CHECK_HRESULT(expr)                                                                                    \
    {                                                                                                                  \
        if (FAILED(hr = (expr)))                                                                                       \
            NANOCLR_LEAVE();                                                                                           \
    }
#define NANOCLR_SET_AND_LEAVE(expr)                                                                                    \
    {                                                                                                                  \
        hr = (expr);                                                                                                   \
        NANOCLR_LEAVE();                                                                                               \
    }
#define NANOCLR_CLEANUP()                                                                                              \
    hr = S_OK;                                                                                                         \
    nanoCLR_Cleanup:
#define NANOCLR_CLEANUP_END() NANOCLR_RETURN()
#define NANOCLR_NOCLEANUP()                                                                                            \
    NANOCLR_CLEANUP();                                                                                                 \
    NANOCLR_CLEANUP_END()
#define FAULT_ON_NULL(ptr)                                                                                             \
    if (!(ptr))                                                                                                        \
    NANOCLR_SET_AND_LEAVE(CLR_E_NULL_REFERENCE)
#define FAULT_ON_NULL_ARG(ptr)                                                                                         \
    if (!(ptr))                                                                                                        \
    NANOCLR_SET_AND_LEAVE(CLR_E_ARGUMENT_NULL)

struct CLR_RT_StackFrame;
struct CLR_RT_HeapBlock;

#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RECORD_VERSION
{
    CLR_UINT16 majorVersion;
    CLR_UINT16 minorVersion;
    CLR_UINT16 buildNumber;
    CLR_UINT16 revisionNumber;
};

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    unsigned int m_checkSum;
    const void *m_pNativeMethods;
    CLR_RECORD_VERSION m_Version;
};

#endif // NANOCLR_INTEROP_H
