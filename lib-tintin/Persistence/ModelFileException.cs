// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Persistence
{
    /// <summary>
    /// A model file was rejected: its bytes are not a valid TinTin model file of a format version
    /// this library reads, or they do not fit the model they were to be loaded into. The message
    /// names what is wrong (and where); it never contains a comma.
    /// </summary>
    public sealed class ModelFileException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is wrong with the file.</param>
        public ModelFileException(string message)
            : base(message)
        {
        }
    }
}
