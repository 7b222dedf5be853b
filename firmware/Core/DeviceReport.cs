// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core
{
    /// <summary>
    /// Formats the firmware's one-line status report from integer counters. Integers only: the
    /// numbers print the same on every target, whatever its floating-point support.
    /// </summary>
    /// <remarks>
    /// Format: <c>tintin fw=VERSION up_ms=N managed_free=N native_free=N</c>, space-separated
    /// <c>key=value</c> fields after a fixed prefix, so a host tool can parse it and new fields can be
    /// appended without breaking older parsers.
    /// </remarks>
    public static class DeviceReport
    {
        /// <summary>
        /// The first word of every report line.
        /// </summary>
        public const string Prefix = "tintin";

        /// <summary>
        /// Formats a status report line.
        /// </summary>
        /// <param name="firmwareVersion">The firmware version, without spaces (e.g. "0.1.0.0").</param>
        /// <param name="uptimeMs">Milliseconds since boot.</param>
        /// <param name="managedFreeBytes">Free bytes on the managed heap after a garbage collection.</param>
        /// <param name="nativeFreeBytes">Free bytes on the native (IDF) heap.</param>
        /// <returns>The report line, without a line terminator.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="firmwareVersion"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="firmwareVersion"/> is empty or contains a space.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="uptimeMs"/> is negative.</exception>
        public static string Format(string firmwareVersion, long uptimeMs, uint managedFreeBytes, uint nativeFreeBytes)
        {
            if (firmwareVersion == null)
            {
                throw new ArgumentNullException(nameof(firmwareVersion));
            }

            // A space would split the field and break key=value parsing.
            if (firmwareVersion.Length == 0 || firmwareVersion.IndexOf(' ') >= 0)
            {
                throw new ArgumentException("empty or contains a space", nameof(firmwareVersion));
            }

            if (uptimeMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(uptimeMs));
            }

            return Prefix
                + " fw=" + firmwareVersion
                + " up_ms=" + uptimeMs.ToString()
                + " managed_free=" + managedFreeBytes.ToString()
                + " native_free=" + nativeFreeBytes.ToString();
        }
    }
}
