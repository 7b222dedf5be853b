// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Behaviour and failure texts follow nanoFramework.TestFramework 3.0.x (source/TestFramework/Assert.AreNotEqual.cs).

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    // Same comparisons as AreEqual, inverted.
    public sealed partial class Assert
    {
        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (string.CompareOrdinal(notExpected, actual) == 0)
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the two values are equal (exact match).</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        [DoesNotReturn]
        private static void HandleAreNotEqualFail(object notExpected, object actual, string message)
        {
            HandleFail("Assert.AreNotEqual", $"Expected any value except:<{ReplaceNulls(notExpected)}>. Actual:<{ReplaceNulls(actual)}>. {(message is null ? string.Empty : ReplaceNulls(message))}");
        }
    }
}
