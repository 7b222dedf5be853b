// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Scaling;

namespace NFUnitTest
{
    // Scale = 2^S * 1.5^U * 0.75^D. The reference builds the real value as an exact fraction from the
    // three factors (1.5 = 3/2, 0.75 = 3/4) and compares it with 2^Pow2 * 3^Pow3 by cross-multiplication.
    [TestClass]
    public class ScaleTests
    {
        [TestMethod]
        public void Pow2AndPow3DescribeTheSameRealValue()
        {
            for (int s = -3; s <= 3; s++)
            {
                for (int u = -2; u <= 3; u++)
                {
                    for (int d = -2; d <= 3; d++)
                    {
                        Scale scale = new Scale(s, u, d);
                        long num = 1;
                        long den = 1;
                        Multiply(ref num, ref den, 2, 1, s);
                        Multiply(ref num, ref den, 3, 2, u);
                        Multiply(ref num, ref den, 3, 4, d);
                        long num2 = 1;
                        long den2 = 1;
                        Multiply(ref num2, ref den2, 2, 1, scale.Pow2);
                        Multiply(ref num2, ref den2, 3, 1, scale.Pow3);
                        Assert.AreEqual(num * den2, num2 * den, scale.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void ProductAddsAndQuotientSubtractsExponents()
        {
            for (int i = 0; i < 64; i++)
            {
                Scale x = new Scale((i % 7) - 10, i % 3, (i / 3) % 4);
                Scale y = new Scale(5 - (i % 11), (i / 5) % 3, i % 2);
                Scale p = Scale.Product(x, y);
                Scale q = Scale.Quotient(x, y);
                Assert.AreEqual(x.Shift + y.Shift, p.Shift, "product shift");
                Assert.AreEqual(x.Up + y.Up, p.Up, "product up");
                Assert.AreEqual(x.Down + y.Down, p.Down, "product down");
                Assert.AreEqual(x.Pow2 + y.Pow2, p.Pow2, "product pow2");
                Assert.AreEqual(x.Pow3 + y.Pow3, p.Pow3, "product pow3");
                Assert.AreEqual(x.Shift - y.Shift, q.Shift, "quotient shift");
                Assert.AreEqual(x.Up - y.Up, q.Up, "quotient up");
                Assert.AreEqual(x.Down - y.Down, q.Down, "quotient down");
                Assert.AreEqual(x.Pow2 - y.Pow2, q.Pow2, "quotient pow2");
                Assert.AreEqual(x.Pow3 - y.Pow3, q.Pow3, "quotient pow3");
                Assert.IsTrue(Scale.Product(q, y).SameValueAs(x), "quotient times divisor");
            }
        }

        [TestMethod]
        public void SameValueComparesRealValuesNotExponents()
        {
            // 1.5 = 2 * 0.75; 2^-2 * 1.5^2 = 0.75^2 = 9/16; 1.5 differs from 0.75.
            Assert.IsTrue(new Scale(0, 1, 0).SameValueAs(new Scale(1, 0, 1)), "1.5");
            Assert.IsTrue(new Scale(-2, 2, 0).SameValueAs(new Scale(0, 0, 2)), "9/16");
            Assert.IsFalse(new Scale(0, 1, 0).SameValueAs(new Scale(0, 0, 1)), "1.5 vs 0.75");
            Assert.IsFalse(new Scale(1, 0, 0).SameValueAs(new Scale(0, 0, 0)), "2 vs 1");
        }

        [TestMethod]
        public void PowerOfTwoAndText()
        {
            Scale s = Scale.PowerOfTwo(-7);
            Assert.AreEqual(-7, s.Shift, "shift");
            Assert.AreEqual(0, s.Up, "up");
            Assert.AreEqual(0, s.Down, "down");
            Assert.AreEqual(-7, s.Pow2, "pow2");
            Assert.AreEqual(0, s.Pow3, "pow3");
            Assert.AreEqual("2^-7*1.5^1*0.75^0", new Scale(-7, 1, 0).ToString(), "text");
        }

        // Multiplies num/den by (a/b)^e.
        private static void Multiply(ref long num, ref long den, long a, long b, int e)
        {
            for (int i = 0; i < e; i++)
            {
                num *= a;
                den *= b;
            }

            for (int i = 0; i < -e; i++)
            {
                num *= b;
                den *= a;
            }
        }
    }
}
