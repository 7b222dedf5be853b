// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TestFrameworkShared;
using Assert = Xunit.Assert;
using NanoAssert = nanoFramework.TestFramework.Assert;

namespace TinTin.TestLauncher.Tests;

/// <summary>The shim's assertions behave like nanoFramework.TestFramework 3.0.x on the device.</summary>
public class ShimAssertTests
{
    [Fact]
    public void DoubleAndFloatEqualityIsExact()
    {
        NanoAssert.AreEqual(0.5, 0.25 + 0.25);
        NanoAssert.AreEqual(double.NaN, double.NaN); // object.Equals semantics, as upstream
        Assert.Throws<AssertFailedException>(() => NanoAssert.AreEqual(0.3, 0.1 + 0.2));
        Assert.Throws<AssertFailedException>(() => NanoAssert.AreEqual(1f, 1f + 1e-7f * 2));
        NanoAssert.AreNotEqual(0.3, 0.1 + 0.2);
    }

    [Fact]
    public void FailureMessageUsesTheArgumentExpressionByDefault()
    {
        int reading = 2;

        var failure = Assert.Throws<AssertFailedException>(() => NanoAssert.AreEqual(1, reading));

        Assert.Equal("Assert.AreEqual failed. Expected:<1>. Actual:<2>. reading", failure.Message);
    }

    [Fact]
    public void ThrowsExceptionMatchesTheExactTypeOnly()
    {
        NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException("bad"));

        var derived = Assert.Throws<AssertFailedException>(() =>
            NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException("p"), "derived"));
        Assert.StartsWith("Assert.ThrowsException failed. Threw exception ArgumentNullException, but exception ArgumentException was expected. derived", derived.Message);

        var none = Assert.Throws<AssertFailedException>(() => NanoAssert.ThrowsException(typeof(Exception), () => { }, "quiet"));
        Assert.Equal("Assert.ThrowsException failed. No exception thrown. Exception exception was expected. quiet", none.Message);
    }

    [Fact]
    public void IsInstanceOfTypeMatchesTheExactTypeOnly()
    {
        NanoAssert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentNullException));
        Assert.Throws<AssertFailedException>(() => NanoAssert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentException)));
        Assert.Throws<AssertFailedException>(() => NanoAssert.IsInstanceOfType(null, typeof(object)));
        NanoAssert.IsNotInstanceOfType(new ArgumentNullException(), typeof(ArgumentException));
    }

    [Fact]
    public void StringsCompareOrdinallyAsOnNano()
    {
        NanoAssert.AreEqual("abc", "abc");
        NanoAssert.AreEqual((string?)null, null);
        // Precomposed and decomposed Å are equal under culture comparison, not under nano's ordinal one.
        Assert.Throws<AssertFailedException>(() => NanoAssert.AreEqual("\u00C5", "A\u030A"));
        Assert.Throws<AssertFailedException>(() => NanoAssert.StartsWith("\u00C5", "A\u030Ab"));
        NanoAssert.Contains("b", "abc");
        NanoAssert.DoesNotContains("x", "abc");
        NanoAssert.EndsWith("bc", "abc");
    }

    [Fact]
    public void SameAndNullChecks()
    {
        object box = new object();
        NanoAssert.AreSame(box, box);
        NanoAssert.AreNotSame(box, new object());
        var valueTypes = Assert.Throws<AssertFailedException>(() => NanoAssert.AreSame(1, 1, "boxed"));
        Assert.Contains("Do not pass value types to AreSame()", valueTypes.Message);
        NanoAssert.IsNull(null);
        NanoAssert.IsNotNull(box);
        NanoAssert.IsTrue(true);
        NanoAssert.IsFalse(false);
        Assert.Throws<AssertFailedException>(() => NanoAssert.IsFalse(true));
    }

    [Fact]
    public void SkipTestThrowsSkipTestException()
    {
        var skip = Assert.Throws<SkipTestException>(() => NanoAssert.SkipTest("later"));
        Assert.Equal("later", skip.Message);
    }

    [Fact]
    public void CollectionAssertComparesElementsInOrder()
    {
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, new[] { 1, 2, 3 });
        CollectionAssert.AreNotEqual(new[] { 1, 2, 3 }, new[] { 1, 3, 2 });
        CollectionAssert.Empty(new int[0]);
        CollectionAssert.NotEmpty(new[] { 0 });

        var failure = Assert.Throws<AssertFailedException>(() => CollectionAssert.AreEqual(new[] { 1, 2 }, new[] { 1, 5 }, "rows"));
        Assert.Equal("CollectionAssert.AreEqual failed. rows(Element at index 1 do not match. Expected:<2>. Actual:<5>.)", failure.Message);
    }

    [Fact]
    public void ObsoleteEqualOfArraysComparesReferencesAsUpstream()
    {
#pragma warning disable CS0618 // the obsolete aliases are part of the API under test
        int[] data = { 1, 2 };
        NanoAssert.Equal(data, data);
        Assert.Throws<AssertFailedException>(() => NanoAssert.Equal(new[] { 1, 2 }, new[] { 1, 2 }));
        NanoAssert.True(true);
        Assert.Throws<AssertFailedException>(() => NanoAssert.Throws(typeof(Exception), () => { }));
#pragma warning restore CS0618
    }

    [Fact]
    public void SequenceEqualComparesTypesAndValues()
    {
        Assert.True(new[] { 1.5, 2.5 }.SequenceEqual(new[] { 1.5, 2.5 }));
        Assert.False(new[] { 1, 2 }.SequenceEqual(new[] { 1L, 2L }));
        Assert.False(new[] { 1, 2 }.SequenceEqual(new[] { 1, 2, 3 }));
        Assert.False(new[] { 1 }.SequenceEqual(null));
    }

    [Fact]
    public void HelperDropsTestMethodOnlyNextToDataRows()
    {
        object[] both = { new TestMethodAttribute(), new DataRowAttribute(1), new DataRowAttribute(2) };
        object[] plain = { new TestMethodAttribute() };

        Assert.Equal(2, Helper.RemoveTestMethodIfDataRowExists(both).Length);
        Assert.All(Helper.RemoveTestMethodIfDataRowExists(both), a => Assert.IsType<DataRowAttribute>(a));
        Assert.Same(plain, Helper.RemoveTestMethodIfDataRowExists(plain));
    }

    [Fact]
    public void DataRowRejectsNullAndEmptyRows()
    {
        Assert.Throws<ArgumentNullException>(() => new DataRowAttribute(null));
        Assert.Throws<ArgumentException>(() => new DataRowAttribute());
    }
}
