// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>
/// A dataset file or folder is not there. Distinct from <see cref="System.IO.InvalidDataException"/>
/// (the file is there but malformed) so a tool can tell the user where to download the originals
/// instead of reporting corrupt data; the message names what is missing, where it was looked for and
/// where to get it.
/// </summary>
public sealed class DataUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing, the folder searched and where to download the originals.</param>
    public DataUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that revealed the absence.</summary>
    /// <param name="message">What is missing, the folder searched and where to download the originals.</param>
    /// <param name="innerException">The underlying error, e.g. a <see cref="System.IO.FileNotFoundException"/>.</param>
    public DataUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
