// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Same attribute set and usages as nanoFramework.TestFramework 3.0.x (source/TestFrameworkShared/*Attribute.cs).

using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose [Setup], [TestMethod], [DataRow] and [Cleanup] methods the launcher runs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>Returns the attribute used to run a test method; upstream returns it unchanged.</summary>
        /// <param name="testMethodAttribute">The attribute found on the method.</param>
        /// <returns><paramref name="testMethodAttribute"/>.</returns>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once per class before its tests.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once per class after its tests.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One row of arguments for a test method; each row runs as its own test case.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        /// <param name="methodParameters">The arguments passed to the test method.</param>
        /// <exception cref="ArgumentNullException"><paramref name="methodParameters"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="methodParameters"/> is empty.</exception>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException($"{nameof(methodParameters)} can not be null");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException($"{nameof(methodParameters)} can not be empty");
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The arguments passed to the test method.</summary>
        public object[] MethodParameters { get; }
    }
}
