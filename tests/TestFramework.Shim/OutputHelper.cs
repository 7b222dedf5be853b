// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output; goes to the console as on the device (where it survives Release builds).</summary>
    public static class OutputHelper
    {
        /// <summary>Writes <paramref name="message"/>.</summary>
        /// <param name="message">The text to write.</param>
        public static void Write(string message) => Console.Write(message);

        /// <summary>Writes <paramref name="message"/> and a line end.</summary>
        /// <param name="message">The text to write.</param>
        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
