// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Same behaviour as nanoFramework.TestFramework 3.0.x (source/TestFramework/TestExtensions.cs).

using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Array comparison helper.</summary>
    public static class TestExtensions
    {
        /// <summary>
        /// True when both arrays have the same length and, element by element, the same run-time type and value.
        /// Primitive elements compare by value (double/float exactly); any other element compares by reference.
        /// </summary>
        /// <param name="a">First array.</param>
        /// <param name="b">Second array.</param>
        /// <returns>Whether the sequences are the same; false if either array is null.</returns>
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a == null || b == null)
            {
                return false;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                object first = a.GetValue(i);
                object second = b.GetValue(i);

                // Upstream dereferences the elements without a null check; so does this copy.
                if (first.GetType() != second.GetType())
                {
                    return false;
                }

                bool same = first switch
                {
                    int x => x == (int)second,
                    uint x => x == (uint)second,
                    byte x => x == (byte)second,
                    sbyte x => x == (sbyte)second,
                    short x => x == (short)second,
                    ushort x => x == (ushort)second,
                    long x => x == (long)second,
                    ulong x => x == (ulong)second,
                    char x => x == (char)second,
                    double x => x == (double)second,
                    bool x => x == (bool)second,
                    float x => x == (float)second,
                    _ => first == second,
                };

                if (!same)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
