// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
//
// Stand-in for nf-interpreter's src/CLR/Include/nanoCLR_Runtime.h, for tests/TinTin.Native.Tests only
// (never part of a firmware): a heap block holding a number or an array reference, an array with its
// elements after its header (as CLR_RT_HeapBlock_Array::GetFirstElement), and a stack frame with
// its arguments and its result. Member names as in nf-interpreter; layout and everything else not.
#ifndef NANOCLR_RUNTIME_H
#define NANOCLR_RUNTIME_H

#include "nanoCLR_Interop.h"

struct CLR_RT_HeapBlock_Array;

struct CLR_RT_HeapBlock
{
    union Numeric
    {
        CLR_INT32 s4;
        CLR_UINT32 u4;
        CLR_INT64 s8;
        CLR_UINT64 u8;
    };

    Numeric m_numeric;
    CLR_RT_HeapBlock_Array *m_array;

    Numeric &NumericByRef()
    {
        return m_numeric;
    }

    CLR_RT_HeapBlock_Array *DereferenceArray() const
    {
        return m_array;
    }
};

struct CLR_RT_HeapBlock_Array : public CLR_RT_HeapBlock
{
    CLR_UINT32 m_numOfElements;
    CLR_UINT8 m_typeOfElement;
    CLR_UINT8 m_sizeOfElement;
    CLR_UINT8 m_fReference;
    CLR_UINT8 m_pad;
    CLR_UINT8 *m_elements;

    CLR_UINT8 *GetFirstElement()
    {
        return m_elements;
    }
};

struct CLR_RT_StackFrame
{
    CLR_RT_HeapBlock *m_arguments;
    CLR_RT_HeapBlock m_result;
    bool m_hasResult;

    CLR_RT_HeapBlock &Arg0() const { return m_arguments[0]; }
    CLR_RT_HeapBlock &Arg1() const { return m_arguments[1]; }
    CLR_RT_HeapBlock &Arg2() const { return m_arguments[2]; }
    CLR_RT_HeapBlock &Arg3() const { return m_arguments[3]; }
    CLR_RT_HeapBlock &Arg4() const { return m_arguments[4]; }
    CLR_RT_HeapBlock &Arg5() const { return m_arguments[5]; }
    CLR_RT_HeapBlock &Arg6() const { return m_arguments[6]; }
    CLR_RT_HeapBlock &Arg7() const { return m_arguments[7]; }
    CLR_RT_HeapBlock &ArgN(CLR_INT32 n) const { return m_arguments[n]; }

    void SetResult_I4(CLR_INT32 val)
    {
        m_result.m_numeric.s4 = val;
        m_hasResult = true;
    }

    void SetResult_I8(const CLR_INT64 &val)
    {
        m_result.m_numeric.s8 = val;
        m_hasResult = true;
    }
};

#endif // NANOCLR_RUNTIME_H
