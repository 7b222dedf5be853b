using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NanoGate.Metadata;

/// <summary>
/// One IL instruction: its offset, opcode, (for token operands) the metadata token and (for other
/// operands) the value: a local or argument index, an integer constant, or the absolute offset of a
/// branch target; a switch lists its targets in <see cref="Targets"/>.
/// </summary>
internal readonly record struct IlInstruction(int Offset, OpCode OpCode, int Token, long Operand = 0, int[]? Targets = null)
{
    /// <summary>Local or argument index of ldloc/stloc/ldarg/... including the short forms (ldloc.2).</summary>
    public int VariableIndex => OpCode.OperandType is OperandType.ShortInlineVar or OperandType.InlineVar
        ? (int)Operand
        : OpCode.Name![^1] - '0';

    /// <summary>Where control may go besides the next instruction.</summary>
    public IEnumerable<int> BranchTargets => Targets ?? (OpCode.OperandType is OperandType.ShortInlineBrTarget or OperandType.InlineBrTarget
        ? new[] { (int)Operand }
        : Array.Empty<int>());
}

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
            long operand = 0;
            int[]? targets = null;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    operand = pos + 1 + (sbyte)il[pos];
                    pos += 1;
                    break;
                case OperandType.ShortInlineI:
                    operand = op == OpCodes.Ldc_I4_S ? (sbyte)il[pos] : il[pos];
                    pos += 1;
                    break;
                case OperandType.ShortInlineVar:
                    operand = il[pos];
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    operand = BitConverter.ToUInt16(il, pos);
                    pos += 2;
                    break;
                case OperandType.InlineBrTarget:
                    operand = pos + 4 + BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                case OperandType.InlineI:
                    operand = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                case OperandType.ShortInlineR:
                case OperandType.InlineString:
                    pos += 4;
                    break;
                case OperandType.InlineI8:
                    operand = BitConverter.ToInt64(il, pos);
                    pos += 8;
                    break;
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, pos);
                    int next = pos + 4 + 4 * count;
                    targets = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        targets[i] = next + BitConverter.ToInt32(il, pos + 4 + 4 * i);
                    }

                    pos = next;
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

            yield return new IlInstruction(offset, op, token, operand, targets);
        }
    }
}
