// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Reflection;
using Mono.Cecil;
using TinTin.IlCost.Fixture;

namespace TinTin.IlCost.Tests;

/// <summary>
/// A block that throws is counted whole (its weight is added when it starts), then the handler and
/// the finally are counted as blocks of their own.
/// </summary>
[Collection(CostCounterCollection.Name)]
public class ExceptionCostTests
{
    [Fact]
    public void ThrowCatchAndFinallyEachCountOnce()
    {
        // CatchEveryThird(3): i = 0 throws, i = 1 and 2 do not. Its blocks:
        //   entry 168; loop head nop 11; test ldloc.1 ldc.i4.3 rem brtrue.s 37+23+44+38 = 142
        //   throw ldstr 383, newobj (1649 + callee locals), throw 1649
        //   rest of try ldloc.0 ldc.i4.2 add stloc.0 leave.s 165
        //   catch stloc.2 46, ldloc.0 36, ldloc.2 (a reference) 51, callvirt get_Message (virtual: 692 +
        //         locals), callvirt get_Length (non-virtual: 493 + locals), add 30, stloc.0 46, leave.s 30
        //   finally ldloc.0 ldc.i4.1 add stloc.0 endfinally 165; increment 136; condition 143 (4 times); exit 36
        // The callees are the host's BCL: their locals are read from it here too.
        long throwBlock = 383 + 1649 + (47 * Locals(typeof(InvalidOperationException).GetConstructor([typeof(string)])!)) + 1649;
        long catchBlock = 46 + 36 + 51
            + 692 + (47 * Locals(typeof(Exception).GetProperty(nameof(Exception.Message))!.GetMethod!))
            + 493 + (47 * Locals(typeof(string).GetProperty(nameof(string.Length))!.GetMethod!))
            + 30 + 46 + 30;
        long thrown = 11 + 142 + throwBlock + catchBlock + 165 + 136;
        long normal = 11 + 142 + 165 + 165 + 136;
        long expected = 168 + thrown + (2 * normal) + (4 * 143) + 36;

        Measured run = Fixture.Run("ControlFlow", "CatchEveryThird", 3);

        Assert.Equal(ControlFlow.CatchEveryThird(3), run.Result);
        Assert.Equal(expected, run.Cost);
    }

    [Fact]
    public void AFilterIsCountedLikeCode()
    {
        // FilteredCatch, eight iterations: i = 0 and i = 4 divide by zero (in Divide: ldarg.0 ldarg.1 div ret,
        // 117, counted whole although div throws); the filter admits i = 0 only.
        //   every iteration: loop head nop 11; try ldloc.0 ldc.i4.s ldloc.1 ldc.i4.4 rem call add stloc.0 leave.s
        //                    36+26+37+23+44+443+30+46+30 = 715; Divide 117; increment 136; condition 143
        //   a throw adds the filter: isinst dup brtrue.s 194, pop ldloc.1 ldc.i4.8 rem ldc.i4.0 ceq ldc.i4.0
        //                    cgt.un 308, endfilter 30; then the filtered handler pop ldloc.0 ldc.i4 add
        //                    stloc.0 leave.s 191 (i = 0) or the plain one pop ldloc.0 ldc.i4.1 sub stloc.0
        //                    leave.s 177 (i = 4)
        const long iteration = 11 + 715 + 117 + 136 + 143;
        const long filter = 194 + 308 + 30;
        const long eight = (8 * iteration) + (2 * filter) + 191 + 177;

        long none = Fixture.Cost("ControlFlow", "FilteredCatch", 0);
        long once = Fixture.Cost("ControlFlow", "FilteredCatch", 8);
        long twice = Fixture.Cost("ControlFlow", "FilteredCatch", 16);

        Assert.Equal(eight, once - none);
        Assert.Equal(eight, twice - once);
        Assert.Equal(ControlFlow.FilteredCatch(16), Fixture.Run("ControlFlow", "FilteredCatch", 16).Result);
    }

    private static int Locals(MethodBase method)
    {
        using ModuleDefinition module = ModuleDefinition.ReadModule(method.Module.Assembly.Location);
        var definition = (MethodDefinition)module.LookupToken(method.MetadataToken);
        return definition.HasBody ? definition.Body.Variables.Count : 0;
    }
}
