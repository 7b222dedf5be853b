using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NanoGate.Metadata;

/// <summary>One IL instruction: its offset, opcode and (for token operands) the metadata token.</summary>
internal readonly record struct IlInstruction(int Offset, OpCode OpCode, int Token);

/// <summary>Walks a method body's IL, instruction by instruction (operand sizes from System.Reflection.Emit).</summary>
internal static class IlReader
{
    private static readonly OpCode[] s_oneByte = new OpCode[0x100];
    private static readonly OpCode[] s_twoByte = new OpCode[0x100];

    static IlReader()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode op)
            {
                var value = (ushort)op.Value;
                if (op.Size == 1)
                {
                    s_oneByte[value] = op;
                }
                else
                {
                    s_twoByte[value & 0xFF] = op;
                }
            }
        }
    }

    public static IEnumerable<IlInstruction> Read(byte[] il)
    {
        int pos = 0;
        while (pos < il.Length)
        {
            int offset = pos;
            OpCode op;
            byte b = il[pos++];
            if (b == 0xFE)
            {
                op = s_twoByte[il[pos++]];
            }
            else
            {
                op = s_oneByte[b];
            }

            int token = 0;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR:
                case OperandType.InlineString:
                    pos += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, pos);
                    pos += 4 + 4 * count;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    token = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                default:
                    throw new BadImageFormatException($"unknown operand type {op.OperandType} at IL_{offset:X4}");
            }

            yield return new IlInstruction(offset, op, token);
        }
    }
}
