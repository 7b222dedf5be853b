// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Bench.Device;

/// <summary>The board did not do what the device bench asked (a nak, a rejected model, no answer in time).</summary>
public sealed class DeviceBenchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for the user.</param>
    public DeviceBenchException(string message)
        : base(message)
    {
    }
}
