// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>The data types of Level 5 MAT-file data element tags (MathWorks, "MAT-File Format", table "MAT-File Data Types").</summary>
internal enum MatDataType
{
    Int8 = 1,
    UInt8 = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Single = 7,
    Double = 9,
    Int64 = 12,
    UInt64 = 13,
    Matrix = 14,
    Compressed = 15,
    Utf8 = 16,
    Utf16 = 17,
    Utf32 = 18,
}
