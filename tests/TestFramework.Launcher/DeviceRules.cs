// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TinTin.TestLauncher;

/// <summary>
/// What compiles and even passes on the host but breaks, or is misreported, on a board (nanoframework.md §2.4,
/// §4.1). Each check returns the message of the failed case, or null when the code is fine.
/// </summary>
public static class DeviceRules
{
    private const BindingFlags DeclaredInstance =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Instance fields and constructors that do work: the device never constructs a test class.</summary>
    public static string? CheckClass(Type type)
    {
        var fields = new List<string>();
        for (Type? t = type; t != null && t != typeof(object); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(DeclaredInstance).Select(f => f.Name));
        }

        if (fields.Count > 0)
        {
            return $"Test class {type.FullName} has instance fields ({string.Join(" ", fields)}): the device never "
                + "creates test classes (this is null) so instance state cannot work there. Make them static.";
        }

        ConstructorInfo? ctor = type.GetConstructors(DeclaredInstance).FirstOrDefault(c => !IsTrivial(c));
        if (ctor != null)
        {
            return $"Test class {type.FullName} declares a constructor: the device never creates test classes so "
                + "it never runs there. Move the code to a static constructor or a [Setup] method.";
        }

        return null;
    }

    /// <summary>Attributes besides the launcher's, generic or non-public test methods.</summary>
    public static string? CheckMethod(MethodInfo method, IEnumerable<object> foreignAttributes)
    {
        string name = $"{method.DeclaringType!.FullName}.{method.Name}";
        string[] foreign = foreignAttributes.Select(a => a.GetType().Name).ToArray();

        if (foreign.Length > 0)
        {
            return $"{name} carries [{string.Join("] [", foreign)}] besides the launcher attributes: the device "
                + "launcher counts every attribute so the case number shifts and the adapter reports the test "
                + "as not run. Test methods may carry only [TestMethod] and [DataRow].";
        }

        if (!method.IsPublic)
        {
            return $"{name} is not public: the device launcher only looks at public methods so it never runs there.";
        }

        if (method.IsGenericMethodDefinition)
        {
            return $"{name} is generic: the nanoFramework 1.x runtime has no generics.";
        }

        return null;
    }

    /// <summary>The arguments one case passes: [DataRow] values must fit the parameters exactly and hold no char.</summary>
    public static string? CheckArguments(MethodInfo method, CaseKind kind, object?[]? arguments)
    {
        string name = $"{method.DeclaringType!.FullName}.{method.Name}";
        ParameterInfo[] parameters = method.GetParameters();

        if (kind != CaseKind.DataRow)
        {
            return parameters.Length == 0
                ? null
                : $"{name} has parameters but no [DataRow]: the device calls it without arguments.";
        }

        object?[] args = arguments ?? Array.Empty<object?>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is char || args[i] is char[])
            {
                return $"{name}: [DataRow] argument {i} is a char. The metadata processor stores a char in 1 byte "
                    + "but the device reads 2 so later arguments are garbled. Pass it as an int or a string.";
            }
        }

        if (args.Length != parameters.Length)
        {
            return $"{name}: [DataRow] has {args.Length} arguments but the method takes {parameters.Length}.";
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            string? problem = CheckArgument(parameters[i], args[i]);
            if (problem != null)
            {
                return $"{name}: [DataRow] argument {i} {problem}";
            }
        }

        return null;
    }

    // .NET reflection would widen an int to a long parameter; the device's Invoke passes the boxed value as it
    // is, so a row must use the parameter's exact type (1L, 1.5f, (byte)1).
    private static string? CheckArgument(ParameterInfo parameter, object? argument)
    {
        Type type = parameter.ParameterType;

        if (type.IsByRef || type.IsPointer)
        {
            return $"goes to ref/out/pointer parameter '{parameter.Name}', which a [DataRow] cannot fill.";
        }

        if (argument == null)
        {
            return type.IsValueType ? $"is null but parameter '{parameter.Name}' is a {type.Name}." : null;
        }

        bool fits = type.IsValueType ? argument.GetType() == type : type.IsInstanceOfType(argument);
        return fits
            ? null
            : $"is a {argument.GetType().Name} but parameter '{parameter.Name}' is a {type.Name}: write the "
                + "value with the parameter's exact type.";
    }

    // A constructor the compiler would have generated anyway: `ldarg.0; call base::.ctor; ret`, nops allowed.
    // (An explicit empty parameterless constructor compiles to the same IL and is just as harmless.)
    private static bool IsTrivial(ConstructorInfo ctor)
    {
        if (ctor.GetParameters().Length != 0)
        {
            return false;
        }

        byte[] il = ctor.GetMethodBody()?.GetILAsByteArray() ?? Array.Empty<byte>();
        int i = 0;
        SkipNops(il, ref i);
        if (i >= il.Length || il[i] != 0x02) // ldarg.0
        {
            return false;
        }

        i++;
        SkipNops(il, ref i);
        if (i + 5 > il.Length || il[i] != 0x28) // call <token>
        {
            return false;
        }

        i += 5;
        SkipNops(il, ref i);
        return i == il.Length - 1 && il[i] == 0x2A; // ret
    }

    private static void SkipNops(byte[] il, ref int i)
    {
        while (i < il.Length && il[i] == 0x00)
        {
            i++;
        }
    }
}
