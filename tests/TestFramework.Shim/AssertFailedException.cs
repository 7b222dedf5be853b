// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TestFrameworkShared
{
    /// <summary>Thrown by a failed assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException()
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        /// <param name="msg">The failure message.</param>
        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        /// <summary>Creates the exception with a message and a cause.</summary>
        /// <param name="msg">The failure message.</param>
        /// <param name="ex">The cause.</param>
        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }
    }
}
