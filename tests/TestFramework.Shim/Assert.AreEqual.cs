// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Behaviour and failure texts follow nanoFramework.TestFramework 3.0.x (source/TestFramework/Assert.AreEqual.cs).

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    // Exact equality through object.Equals (no tolerance for double/float, as on the device). Strings compare
    // with string.CompareOrdinal: nano's String.Compare is ordinal, .NET's string.Compare is culture-sensitive.
    public sealed partial class Assert
    {
        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (string.CompareOrdinal(expected, actual) != 0)
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the two values are equal (exact match).</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        [DoesNotReturn]
        private static void HandleAreEqualFail(object expected, object actual, string message)
        {
            HandleFail("Assert.AreEqual", $"Expected:<{ReplaceNulls(expected)}>. Actual:<{ReplaceNulls(actual)}>. {(message is null ? string.Empty : ReplaceNulls(message))}");
        }
    }
}
