// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Behaviour follows nanoFramework.TestFramework 3.0.x (source/TestFramework/Assert.Obsolete.cs).

using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    // The old assertion names, kept by upstream as [Obsolete] forwarders. Like upstream they take a plain
    // message (no CallerArgumentExpression); Equal(Array, Array) binds to AreEqual(object, object), i.e.
    // reference equality.
    public sealed partial class Assert
    {
        /// <summary>Fails unless <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection expected to be empty.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void Empty(ICollection collection, string message = "")
        {
            AssertMessageAudit.Note(message);

            if (collection.Count != 0)
            {
                HandleFail("Assert.Empty", message);
            }
        }

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(Array expected, Array actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(bool expected, bool actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(byte expected, byte actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(char expected, char actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(DateTime expected, DateTime actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(double expected, double actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(float expected, float actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(int expected, int actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(long expected, long actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(sbyte expected, sbyte actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(short expected, short actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(string expected, string actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(uint expected, uint actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ulong expected, ulong actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of AreEqual.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ushort expected, ushort actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of IsFalse.</summary>
        /// <param name="condition">The condition expected to be false.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsFalse.")]
        public static void False(bool condition, string message = "") => IsFalse(condition, message);

        /// <summary>Old name of IsNotInstanceOfType (arguments swapped).</summary>
        /// <param name="wrongType">The type <paramref name="value"/> must not have.</param>
        /// <param name="value">The object to check.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotInstanceOfType.")]
        public static void IsNotType(Type wrongType, object value, string message = "") => IsNotInstanceOfType(value, wrongType, message);

        /// <summary>Old name of IsInstanceOfType (arguments swapped).</summary>
        /// <param name="expectedType">The exact type expected.</param>
        /// <param name="value">The object to check.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsInstanceOfType.")]
        public static void IsType(Type expectedType, object value, string message = "") => IsInstanceOfType(value, expectedType, message);

        /// <summary>Fails if <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection expected not to be empty.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void NotEmpty(ICollection collection, string message = "")
        {
            AssertMessageAudit.Note(message);

            if (collection.Count == 0)
            {
                HandleFail("Assert.NotEmpty", message);
            }
        }

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(Array notExpected, Array actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(bool notExpected, bool actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(byte notExpected, byte actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(char notExpected, char actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(double notExpected, double actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(float notExpected, float actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(int notExpected, int actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(long notExpected, long actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(short notExpected, short actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(string notExpected, string actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(uint notExpected, uint actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ulong notExpected, ulong actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of AreNotEqual.</summary>
        /// <param name="notExpected">The value the test expects not to match.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ushort notExpected, ushort actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of IsNotNull.</summary>
        /// <param name="value">The object expected to be non-null.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotNull.")]
        public static void NotNull(object value, string message = "") => IsNotNull(value, message);

        /// <summary>Old name of AreNotSame.</summary>
        /// <param name="notExpected">The object the test expects not to match.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotSame.")]
        public static void NotSame(object notExpected, object actual, string message = "") => AreNotSame(notExpected, actual, message);

        /// <summary>Old name of IsNull.</summary>
        /// <param name="value">The object expected to be null.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNull.")]
        public static void Null(object value, string message = "") => IsNull(value, message);

        /// <summary>Old name of AreSame.</summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreSame.")]
        public static void Same(object expected, object actual, string message = "") => AreSame(expected, actual, message);

        /// <summary>Old name of ThrowsException.</summary>
        /// <param name="exceptionType">The exact exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method ThrowsException.")]
        public static void Throws(Type exceptionType, Action action, string message = "") => ThrowsException(exceptionType, action, message);

        /// <summary>Old name of IsTrue.</summary>
        /// <param name="condition">The condition expected to be true.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsTrue.")]
        public static void True(bool condition, string message = "") => IsTrue(condition, message);
    }
}
