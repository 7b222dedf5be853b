// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Thrown (usually through <see cref="Assert.SkipTest"/>) to skip a test; thrown from [Setup] it skips the class.
    /// </summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">Why the test is skipped.</param>
        /// <param name="innerException">The cause, if any.</param>
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}
