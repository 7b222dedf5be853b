// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.DeviceTwin
{
    /// <summary>Prints the twin run's lines; the interpreter test compares them with the host's.</summary>
    public static class Program
    {
        /// <summary>Entry point on the device (or the interpreter).</summary>
        public static void Main()
        {
            string[] lines = TwinRun.Run();
            for (int i = 0; i < lines.Length; i++)
            {
                Console.WriteLine(lines[i]);
            }

            Console.WriteLine("twin done");
        }
    }
}
