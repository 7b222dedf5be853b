// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.
// Same behaviour as nanoFramework.TestFramework 3.0.x (source/TestFrameworkShared/Helper.cs).

namespace nanoFramework.TestFramework
{
    /// <summary>Keeps test case names the same in the test adapter and the launcher.</summary>
    public static class Helper
    {
        /// <summary>
        /// Drops the [TestMethod] attribute when the same method also has [DataRow]s, so each row is one case.
        /// </summary>
        /// <param name="attribs">A method's custom attributes.</param>
        /// <returns>A new array without [TestMethod] if a [DataRow] is present; otherwise <paramref name="attribs"/>.</returns>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            bool hasTestMethod = false;
            bool hasDataRow = false;

            foreach (object attrib in attribs)
            {
                string name = attrib.GetType().FullName;
                hasTestMethod |= name == typeof(TestMethodAttribute).FullName;
                hasDataRow |= name == typeof(DataRowAttribute).FullName;
            }

            if (!hasTestMethod || !hasDataRow)
            {
                return attribs;
            }

            object[] result = new object[attribs.Length - 1];
            int next = 0;

            foreach (object attrib in attribs)
            {
                if (attrib.GetType().FullName != typeof(TestMethodAttribute).FullName)
                {
                    result[next++] = attrib;
                }
            }

            return result;
        }
    }
}
