// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Cli.Demo;

/// <summary>The board stopped cooperating: a command was not acked, or no window arrived.</summary>
public sealed class DemoException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public DemoException(string message)
        : base(message)
    {
    }
}
