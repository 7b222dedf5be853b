using System;
using System.Buffers.Binary;
using System.IO;

namespace NanoGate.Interpreter;

/// <summary>
/// The table sizes of a nanoFramework PE image (format <c>NFMRK1</c>), read from its header the way
/// the interpreter reports them at start-up (<c>ByteCode = N bytes</c>). Byte code, strings and
/// signatures are addressed with 16-bit offsets, so each is limited to 65,535 bytes per assembly:
/// above it the metadata processor refuses the assembly ("Byte code table overflow").
/// </summary>
public sealed record PeTableSizes(int ByteCode, int Strings, int Signatures)
{
    /// <summary>The largest table a 16-bit offset can address.</summary>
    public const int Limit = 65535;

    // nf-interpreter CLR_RECORD_ASSEMBLY (NFMRK1): marker[8], headerCRC, assemblyCRC, flags,
    // nativeMethodsChecksum, patchEntryOffset (5 x uint32), version (4 x uint16), assemblyName
    // (uint16), stringTableVersion (uint16), startOfTables[TBL_Max] (uint32), numOfPatchedMethods
    // (uint32), paddingOfTables[TBL_Max - 1 rounded up to 4] (uint8).
    private const int TableCount = 16;
    private const int StartOfTables = 8 + 5 * 4 + 4 * 2 + 2 + 2;
    private const int PaddingOfTables = StartOfTables + TableCount * 4 + 4;
    private const int StringsTable = 11;
    private const int SignaturesTable = 12;
    private const int ByteCodeTable = 13;

    public static PeTableSizes Read(string pePath) => Parse(File.ReadAllBytes(pePath), pePath);

    public static PeTableSizes Parse(byte[] image, string name)
    {
        if (image.Length < PaddingOfTables + TableCount || !image.AsSpan(0, 8).SequenceEqual("NFMRK1\0\0"u8))
        {
            throw new InvalidDataException($"{name}: not a nanoFramework PE image (NFMRK1)");
        }

        int Size(int table)
        {
            var start = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(StartOfTables + table * 4));
            var end = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(StartOfTables + (table + 1) * 4));
            return (int)(end - start) - image[PaddingOfTables + table];
        }

        return new PeTableSizes(Size(ByteCodeTable), Size(StringsTable), Size(SignaturesTable));
    }
}
