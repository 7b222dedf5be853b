// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Behaviour and failure texts follow nanoFramework.TestFramework 3.0.x (source/TestFramework/Assert.cs).

using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions for unit tests; a failed condition throws <see cref="AssertFailedException"/>.
    /// </summary>
    public sealed partial class Assert
    {
        private const string ObjectAsString = "(object)";
        private const string NullAsString = "(null)";

        /// <summary>Fails if <paramref name="notExpected"/> and <paramref name="actual"/> are the same reference.</summary>
        /// <param name="notExpected">The object the test expects not to match <paramref name="actual"/>.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!ReferenceEquals(notExpected, actual))
            {
                return;
            }

            HandleFail("Assert.AreNotSame", ReplaceNulls(message));
        }

        /// <summary>Fails unless <paramref name="expected"/> and <paramref name="actual"/> are the same reference.</summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (ReferenceEquals(expected, actual))
            {
                return;
            }

            if (expected is ValueType || actual is ValueType)
            {
                HandleFail("Assert.AreSame", $"Do not pass value types to AreSame(). Values converted to Object will never be the same. Consider using AreEqual(). {ReplaceNulls(message)}");
            }

            HandleFail("Assert.AreSame", ReplaceNulls(message));
        }

        /// <summary>Fails unless <paramref name="value"/> contains <paramref name="expected"/> (ordinal, as on nano).</summary>
        /// <param name="expected">The text expected inside <paramref name="value"/>.</param>
        /// <param name="value">The text to search.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(expected, "Assert.Contains");
            EnsureParameterIsNotNull(value, "Assert.Contains");

            if (value.Contains(expected, StringComparison.Ordinal))
            {
                return;
            }

            HandleFail("Assert.Contains", $"'{value}' does not contain '{expected}'. {ReplaceNulls(message)}");
        }

        /// <summary>Fails if <paramref name="value"/> contains <paramref name="notExpected"/> (ordinal).</summary>
        /// <param name="notExpected">The text that must not occur in <paramref name="value"/>.</param>
        /// <param name="value">The text to search.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(notExpected, "Assert.DoesNotContains");
            EnsureParameterIsNotNull(value, "Assert.DoesNotContains");

            if (!value.Contains(notExpected, StringComparison.Ordinal))
            {
                return;
            }

            HandleFail("Assert.DoesNotContains", $"'{value}' should not contain '{notExpected}'. {ReplaceNulls(message)}");
        }

        /// <summary>Fails unless <paramref name="value"/> ends with <paramref name="expected"/> (ordinal).</summary>
        /// <param name="expected">The expected ending.</param>
        /// <param name="value">The text to check.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(expected, "Assert.EndsWith");
            EnsureParameterIsNotNull(value, "Assert.EndsWith");

            // nano's String.EndsWith is ordinal; .NET's default is culture-sensitive.
            if (value.EndsWith(expected, StringComparison.Ordinal))
            {
                return;
            }

            HandleFail("Assert.EndsWith", $"'{value}' does not end with '{expected}'. {ReplaceNulls(message)}");
        }

        /// <summary>Fails if <paramref name="condition"/> is true.</summary>
        /// <param name="condition">The condition expected to be false.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (condition)
            {
                HandleFail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless the run-time type of <paramref name="value"/> is exactly <paramref name="expected"/> (no base types).</summary>
        /// <param name="value">The object to check.</param>
        /// <param name="expected">The exact type expected.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(expected, "Assert.IsInstanceOfType");

            if (value is not null && expected == value.GetType())
            {
                return;
            }

            Type actual = value is null ? null : value.GetType();
            HandleFail("Assert.IsInstanceOfType", $"Expected type:<{expected}>. Actual type:<{ReplaceNulls(actual)}>. {ReplaceNulls(message)}");
        }

        /// <summary>Fails if the run-time type of <paramref name="value"/> is exactly <paramref name="notExpected"/>.</summary>
        /// <param name="value">The object to check.</param>
        /// <param name="notExpected">The type <paramref name="value"/> must not have.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(notExpected, "Assert.IsNotInstanceOfType");

            if (value is null || notExpected != value.GetType())
            {
                return;
            }

            HandleFail("Assert.IsNotInstanceOfType", $"Wrong type:<{notExpected}>. Actual type:<{value.GetType()}>. {ReplaceNulls(message)}");
        }

        /// <summary>Fails if <paramref name="value"/> is null.</summary>
        /// <param name="value">The object expected to be non-null.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (value is not null)
            {
                return;
            }

            HandleFail("Assert.IsNotNull", message);
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        /// <param name="value">The object expected to be null.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (value is null)
            {
                return;
            }

            HandleFail("Assert.IsNull", message);
        }

        /// <summary>Fails if <paramref name="condition"/> is false.</summary>
        /// <param name="condition">The condition expected to be true.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            AssertMessageAudit.Note(message);

            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        /// <summary>Skips the current test (or, from a [Setup] method, the whole class) by throwing <see cref="SkipTestException"/>.</summary>
        /// <param name="message">The reason, shown in the test results.</param>
        [DoesNotReturn]
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        /// <summary>Fails unless <paramref name="value"/> starts with <paramref name="expected"/> (ordinal).</summary>
        /// <param name="expected">The expected beginning.</param>
        /// <param name="value">The text to check.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(expected, "Assert.StartsWith");
            EnsureParameterIsNotNull(value, "Assert.StartsWith");

            if (value.StartsWith(expected, StringComparison.Ordinal))
            {
                return;
            }

            HandleFail("Assert.StartsWith", $"'{value}' does not start with '{expected}'. {ReplaceNulls(message)}");
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly the type <paramref name="exception"/>;
        /// a derived type fails too.
        /// </summary>
        /// <param name="exception">The exact exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            AssertMessageAudit.Note(message);
            EnsureParameterIsNotNull(action, "Assert.ThrowsException");
            EnsureParameterIsNotNull(exception, "Assert.ThrowsException");

            try
            {
                action.Invoke();
            }
            catch (Exception ex)
            {
                if (exception == ex.GetType())
                {
                    return;
                }

                HandleFail("Assert.ThrowsException", $"Threw exception {ex.GetType().Name}, but exception {exception.Name} was expected. {ReplaceNulls(message)}\r\nException Message: {ex.Message}");
            }

            HandleFail("Assert.ThrowsException", $"No exception thrown. {exception.Name} exception was expected. {ReplaceNulls(message)}");
        }

        internal static void EnsureParameterIsNotNull(object value, string assertion, [CallerArgumentExpression("value")] string parameter = null)
        {
            if (value is not null)
            {
                return;
            }

            HandleFail(assertion, $"The parameter '{parameter}' is invalid. The value cannot be null.");
        }

        [DoesNotReturn]
        internal static void HandleFail(string assertion, string message)
        {
            string safeMessage = string.Empty;

            if (!string.IsNullOrEmpty(message))
            {
                safeMessage = ReplaceNulls(message);
            }

            throw new AssertFailedException($"{assertion} failed. {safeMessage}");
        }

        internal static string ReplaceNulls(object input)
        {
            if (input == null)
            {
                return NullAsString;
            }

            // nano formats numbers without culture; on the host a culture could add a decimal comma.
            string text = input is IFormattable formattable
                ? formattable.ToString(null, CultureInfo.InvariantCulture)
                : input.ToString();

            return (text ?? ObjectAsString).Replace("\0", "\\0", StringComparison.Ordinal);
        }
    }
}
