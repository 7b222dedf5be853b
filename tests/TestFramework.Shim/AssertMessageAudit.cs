// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Threading;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Host-only check, not part of the nano API: remembers the first assert message of the running test that
    /// contains a comma. On the device such a message, once the assert fails, breaks the adapter's comma-split
    /// result line and the test shows as "not run"; the launcher reports it even when the assert passed here.
    /// </summary>
    internal static class AssertMessageAudit
    {
        private static readonly AsyncLocal<string> s_firstCommaMessage = new AsyncLocal<string>();

        internal static void Note(string message)
        {
            if (message != null && message.IndexOf(',') >= 0 && s_firstCommaMessage.Value == null)
            {
                s_firstCommaMessage.Value = message;
            }
        }

        /// <summary>Returns the remembered message (or null) and forgets it, ready for the next test.</summary>
        internal static string Take()
        {
            string message = s_firstCommaMessage.Value;
            s_firstCommaMessage.Value = null;
            return message;
        }
    }
}
