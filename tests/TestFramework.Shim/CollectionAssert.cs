// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Behaviour and failure texts follow nanoFramework.TestFramework 3.0.x (source/TestFramework/CollectionAssert.cs).

using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions on collections (arrays work as <see cref="ICollection"/>); a failed condition throws
    /// <see cref="AssertFailedException"/>.
    /// </summary>
    public sealed class CollectionAssert
    {
        /// <summary>Fails unless <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection expected to be empty.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void Empty(ICollection collection, string message = "")
        {
            AssertMessageAudit.Note(message);
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.Empty");

            if (collection.Count != 0)
            {
                Assert.HandleFail("CollectionAssert.Empty", message);
            }
        }

        /// <summary>Fails if <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection expected not to be empty.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            AssertMessageAudit.Note(message);
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.NotEmpty");

            if (collection.Count == 0)
            {
                Assert.HandleFail("CollectionAssert.NotEmpty", message);
            }
        }

        /// <summary>Fails unless both collections hold equal elements (object.Equals) in the same order.</summary>
        /// <param name="expected">The collection the test expects.</param>
        /// <param name="actual">The collection produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            AssertMessageAudit.Note(message);
            string reason = string.Empty;

            if (!AreCollectionsEqual(expected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreEqual", $"{message}({reason})");
            }
        }

        /// <summary>Fails if both collections hold equal elements in the same order.</summary>
        /// <param name="notExpected">The collection the test expects not to match.</param>
        /// <param name="actual">The collection produced by the code under test.</param>
        /// <param name="message">Shown when the assertion fails.</param>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            AssertMessageAudit.Note(message);
            string reason = string.Empty;

            if (AreCollectionsEqual(notExpected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreNotEqual", $"{message}({reason})");
            }
        }

        private static bool AreCollectionsEqual(ICollection expected, ICollection actual, ref string reason)
        {
            if (expected == actual)
            {
                reason = "Both collection references point to the same collection object. ";
                return true;
            }

            if (expected == null || actual == null)
            {
                return false;
            }

            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements.";
                return false;
            }

            IEnumerator expectedItems = expected.GetEnumerator();
            IEnumerator actualItems = actual.GetEnumerator();
            int index = 0;

            while (expectedItems.MoveNext() && actualItems.MoveNext())
            {
                if (!Equals(expectedItems.Current, actualItems.Current))
                {
                    reason = $"Element at index {index} do not match. Expected:<{Assert.ReplaceNulls(expectedItems.Current)}>. Actual:<{Assert.ReplaceNulls(actualItems.Current)}>.";
                    return false;
                }

                index++;
            }

            reason = "Both collection contain same elements.";
            return true;
        }
    }
}
