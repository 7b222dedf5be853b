// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

#nullable disable

using System;

namespace TinTin.IlCost.Calibration
{
    /// <summary>
    /// Micro-benchmarks of the native runtime methods lib-tintin and the FP32 reference call in a training
    /// step (<c>Array.Clear</c>, <c>Array.Copy</c>): <see cref="Calls"/> calls at a length of 0 and of
    /// <see cref="Length"/> elements of each element type, next to the same loop calling an empty managed
    /// method with the same arguments, so the per-call and the per-element cost of each can be read off.
    /// </summary>
    public static class NativeCalls
    {
        /// <summary>Calls per benchmark.</summary>
        public const int Calls = 200;

        /// <summary>The long length.</summary>
        public const int Length = 4096;

        /// <summary>Every benchmark, as <c>what/element type/length</c>.</summary>
        /// <returns>The benchmarks.</returns>
        public static string[] All()
        {
            string l = Length.ToString();
            return new string[]
            {
                "empty/int/0", "clear/int/0", "clear/int/" + l, "clear/sbyte/" + l, "clear/float/" + l,
                "copy/int/0", "copy/int/" + l, "copy/sbyte/" + l, "copy/float/" + l,
            };
        }

        /// <summary>Runs one benchmark (the arrays are made first, inside the measured phase: one allocation per benchmark).</summary>
        /// <param name="benchmark">One of <see cref="All"/>.</param>
        public static void Run(string benchmark)
        {
            string[] parts = benchmark.Split('/');
            int n = int.Parse(parts[2]);
            Array a = parts[1] == "int" ? new int[Length] : (parts[1] == "sbyte" ? (Array)new sbyte[Length] : new float[Length]);
            Array b = parts[1] == "int" ? new int[Length] : (parts[1] == "sbyte" ? (Array)new sbyte[Length] : new float[Length]);
            if (parts[0] == "empty")
            {
                for (int i = 0; i < Calls; i++)
                {
                    Empty(a, 0, n);
                }
            }
            else if (parts[0] == "clear")
            {
                for (int i = 0; i < Calls; i++)
                {
                    Array.Clear(a, 0, n);
                }
            }
            else
            {
                for (int i = 0; i < Calls; i++)
                {
                    Array.Copy(a, b, n);
                }
            }
        }

        private static void Empty(Array array, int index, int length)
        {
        }
    }
}
