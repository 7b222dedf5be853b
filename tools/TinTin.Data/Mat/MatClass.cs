// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>
/// MATLAB array classes, the low byte of a Level 5 MAT-file's array flags (MathWorks, "MAT-File Format",
/// table "MATLAB Array Types and Classes"). <see cref="MatFile"/> returns only the numeric classes
/// <see cref="Double"/> to <see cref="UInt64"/>; the others are named in its error messages.
/// </summary>
public enum MatClass
{
    /// <summary>mxCELL_CLASS: a cell array (not supported).</summary>
    Cell = 1,

    /// <summary>mxSTRUCT_CLASS: a structure (not supported).</summary>
    Struct = 2,

    /// <summary>mxOBJECT_CLASS: an object (not supported).</summary>
    Object = 3,

    /// <summary>mxCHAR_CLASS: a character array (not supported).</summary>
    Char = 4,

    /// <summary>mxSPARSE_CLASS: a sparse array (not supported).</summary>
    Sparse = 5,

    /// <summary>mxDOUBLE_CLASS: double precision.</summary>
    Double = 6,

    /// <summary>mxSINGLE_CLASS: single precision.</summary>
    Single = 7,

    /// <summary>mxINT8_CLASS.</summary>
    Int8 = 8,

    /// <summary>mxUINT8_CLASS (also the class of logical arrays).</summary>
    UInt8 = 9,

    /// <summary>mxINT16_CLASS.</summary>
    Int16 = 10,

    /// <summary>mxUINT16_CLASS.</summary>
    UInt16 = 11,

    /// <summary>mxINT32_CLASS.</summary>
    Int32 = 12,

    /// <summary>mxUINT32_CLASS.</summary>
    UInt32 = 13,

    /// <summary>mxINT64_CLASS.</summary>
    Int64 = 14,

    /// <summary>mxUINT64_CLASS.</summary>
    UInt64 = 15,

    /// <summary>mxFUNCTION_CLASS: a function handle (not supported).</summary>
    Function = 16,

    /// <summary>mxOPAQUE_CLASS: an opaque (MCOS) object such as a string or table (not supported).</summary>
    Opaque = 17,
}
