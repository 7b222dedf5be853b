using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoGate.Metadata;

/// <summary>
/// Finds IL that nanoCLR runs differently from .NET (tools/nanoclr/README.md, "Where nanoCLR differs
/// from .NET"), by a linear abstract interpretation of each method's evaluation stack.
/// <para>
/// NANO020 (<see cref="ViolationKind.UnsignedTag"/>): nanoCLR tags a stack value with the type it was
/// loaded as and arithmetic keeps the LEFT operand's tag, so an <c>int</c> that C# only cast from a
/// <c>uint</c> stays unsigned. Reported where such a value, not known to be non-negative, reaches an
/// opcode whose signedness nanoCLR takes from the tag instead of the opcode: <c>shr</c>, <c>rem</c>,
/// <c>conv.i8</c>, <c>conv.r4</c>/<c>conv.r8</c> and the signed-source <c>conv.ovf.*</c>. Not reported:
/// <c>shr.un</c>/<c>rem.un</c>/<c>div.un</c>/<c>conv.r.un</c> (unsigned in both runtimes), <c>div</c> and
/// comparisons (nanoCLR honours the opcode), and <c>conv.u8</c>: .NET zero-extends an int32 there too
/// (Roslyn emits it only for unsigned sources; int to ulong is <c>conv.i8</c>). Storing into int storage
/// (local, argument, field, array element) clears the tag; passing an argument or returning a value
/// does not, so those tags are followed into methods of the same assembly (to a fixpoint), and where
/// they leave it (returned by a method other assemblies can call, or passed to a method of another
/// project) the crossing itself is reported. A shift by a constant whose result is cut at once to
/// bits the shifted-in ones do not reach (<c>(byte)(v &gt;&gt; 24)</c>) is exact either way.
/// </para>
/// <para>
/// NANO021 (<see cref="ViolationKind.StructDupAlias"/>): nanoCLR's <c>dup</c> of a struct copies the
/// reference to its box (<c>ldloc</c> and by-value arguments do copy). Reported where the address of a
/// local or argument holding one of the two is taken (<c>ldloca</c>/<c>ldarga</c> for a call, a <c>ref</c>
/// argument, a field store or <c>initobj</c>; not a plain field read) while the other is still held
/// on the stack, in another local or argument, or in a field or array element.
/// </para>
/// </summary>
internal sealed class InterpreterHazards
{
    private enum Tag : byte
    {
        None,
        U4,
        U8,
    }

    /// <summary>One evaluation-stack entry as the analysis sees it.</summary>
    private readonly record struct Slot(
        Tag Tag = Tag.None,
        bool NonNegative = false,
        bool Struct = false,
        int Group = 0,
        long? Constant = null,
        int Origin = -1,
        string Source = "");

    /// <param name="Definition">The method when it is in this assembly.</param>
    /// <param name="InOtherProject">Whether it is in a referenced assembly that is not a nanoFramework library.</param>
    private sealed record Callee(MethodDefinitionHandle Definition, MethodSignature<ValueKind> Signature, bool ValueTypeConstructor, bool InOtherProject);

    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly ValueKinds _kinds;
    private readonly SignatureScanner _names;
    private readonly Dictionary<int, Callee?> _callees = new();
    private readonly Dictionary<int, ValueKind> _fields = new();

    // Facts that cross calls; the value says whether every tagged value seen was non-negative.
    private readonly Dictionary<(MethodDefinitionHandle, int), bool> _taggedParameters = new();
    private readonly Dictionary<MethodDefinitionHandle, bool> _taggedReturns = new();
    private int _factChanges;
    private readonly bool _sharesInternals;

    private readonly List<Violation> _violations = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    private InterpreterHazards(MetadataReader reader, PEReader pe)
    {
        _reader = reader;
        _pe = pe;
        _kinds = new ValueKinds(reader);
        _names = new SignatureScanner(reader);
        _sharesInternals = reader.GetAssemblyDefinition().GetCustomAttributes().Any(a => AttributeName(a) == "InternalsVisibleToAttribute");
    }

    private string AttributeName(CustomAttributeHandle handle)
    {
        var constructor = _reader.GetCustomAttribute(handle).Constructor;
        var parent = constructor.Kind == HandleKind.MemberReference ? _reader.GetMemberReference((MemberReferenceHandle)constructor).Parent : default;
        return parent.Kind == HandleKind.TypeReference ? _reader.GetString(_reader.GetTypeReference((TypeReferenceHandle)parent).Name) : "";
    }

    public static IReadOnlyList<Violation> Find(MetadataReader reader, PEReader pe)
    {
        var hazards = new InterpreterHazards(reader, pe);
        var methods = reader.TypeDefinitions
            .SelectMany(t => reader.GetTypeDefinition(t).GetMethods().Select(m => (Type: t, Method: m)))
            .Where(m => reader.GetMethodDefinition(m.Method).RelativeVirtualAddress != 0)
            .ToList();

        // Tagged arguments and return values cross calls: propagate them to a fixpoint first.
        for (int round = 0; round < 32; round++)
        {
            hazards._factChanges = 0;
            methods.ForEach(m => hazards.Analyze(m.Type, m.Method, report: false));
            if (hazards._factChanges == 0)
            {
                break;
            }
        }

        methods.ForEach(m => hazards.Analyze(m.Type, m.Method, report: true));
        return hazards._violations;
    }

    private void Analyze(TypeDefinitionHandle type, MethodDefinitionHandle handle, bool report)
    {
        var method = _reader.GetMethodDefinition(handle);
        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        var signature = method.DecodeSignature(_kinds, null);
        var locals = body.LocalSignature.IsNil
            ? ImmutableArray<ValueKind>.Empty
            : _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_kinds, null);
        var pass = new MethodPass(this, type, handle, signature, locals, body, report);
        pass.Run();
    }

    private Callee? ResolveMethod(int token)
    {
        if (_callees.TryGetValue(token, out var cached))
        {
            return cached;
        }

        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind == HandleKind.MethodSpecification)
        {
            handle = _reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method;
        }

        Callee? callee = null;
        if (handle.Kind == HandleKind.MethodDefinition)
        {
            var definition = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
            callee = new Callee((MethodDefinitionHandle)handle, definition.DecodeSignature(_kinds, null),
                _kinds.FromToken(definition.GetDeclaringType()) == ValueKind.Struct, InOtherProject: false);
        }
        else if (handle.Kind == HandleKind.MemberReference)
        {
            var reference = _reader.GetMemberReference((MemberReferenceHandle)handle);
            if (reference.GetKind() == MemberReferenceKind.Method)
            {
                callee = new Callee(default, reference.DecodeMethodSignature(_kinds, null), _kinds.FromToken(reference.Parent) == ValueKind.Struct,
                    IsOtherProject(reference.Parent));
            }
        }

        _callees[token] = callee;
        return callee;
    }

    private bool IsOtherProject(EntityHandle parent)
    {
        while (parent.Kind == HandleKind.TypeReference)
        {
            parent = _reader.GetTypeReference((TypeReferenceHandle)parent).ResolutionScope;
        }

        if (parent.Kind != HandleKind.AssemblyReference)
        {
            return false;
        }

        var name = _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)parent).Name);
        return !(name == "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) ||
                 name.StartsWith("nanoFramework.", StringComparison.Ordinal) || name.StartsWith("Windows.", StringComparison.Ordinal));
    }

    /// <summary>Whether code of another assembly may call the method (internals count when they are shared).</summary>
    private bool IsVisibleOutside(MethodDefinitionHandle handle)
    {
        var access = _reader.GetMethodDefinition(handle).Attributes & System.Reflection.MethodAttributes.MemberAccessMask;
        return access is System.Reflection.MethodAttributes.Public or System.Reflection.MethodAttributes.Family or System.Reflection.MethodAttributes.FamORAssem ||
               (access is System.Reflection.MethodAttributes.Assembly or System.Reflection.MethodAttributes.FamANDAssem && _sharesInternals);
    }

    private ValueKind FieldKind(int token)
    {
        if (!_fields.TryGetValue(token, out var kind))
        {
            var handle = MetadataTokens.EntityHandle(token);
            kind = handle.Kind switch
            {
                HandleKind.FieldDefinition => _reader.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(_kinds, null),
                HandleKind.MemberReference => _reader.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(_kinds, null),
                _ => ValueKind.Other,
            };
            _fields[token] = kind;
        }

        return kind;
    }

    private string MemberName(int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.FieldDefinition => _reader.GetString(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).Name),
            HandleKind.MethodDefinition => _reader.GetString(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
            HandleKind.MemberReference => _reader.GetString(_reader.GetMemberReference((MemberReferenceHandle)handle).Name),
            HandleKind.MethodSpecification => MemberName(MetadataTokens.GetToken(_reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method)),
            _ => "",
        };
    }

    /// <summary>Records a fact; counts it as a change when it is new or loses its non-negative guarantee.</summary>
    private void Learn<TKey>(Dictionary<TKey, bool> facts, TKey key, bool nonNegative)
        where TKey : notnull
    {
        if (!facts.TryGetValue(key, out var known) || (known && !nonNegative))
        {
            facts[key] = nonNegative;
            _factChanges++;
        }
    }

    private void Report(ViolationKind kind, TypeDefinitionHandle type, MethodDefinitionHandle handle, string detail)
    {
        var method = _reader.GetMethodDefinition(handle);
        _names.Reset();
        var signature = method.DecodeSignature(_names, null);
        _names.Reset();
        var typeName = MetadataNames.TypeName(_reader, type);
        var member = $"{_reader.GetString(method.Name)}({string.Join(", ", signature.ParameterTypes)})";
        if (_reported.Add(typeName + "::" + member + "|" + detail))
        {
            _violations.Add(new Violation(kind, typeName, member, detail));
        }
    }

    /// <summary>One linear pass over a method body, carrying the evaluation stack across branches.</summary>
    private sealed class MethodPass
    {
        private readonly InterpreterHazards _owner;
        private readonly TypeDefinitionHandle _type;
        private readonly MethodDefinitionHandle _method;
        private readonly MethodSignature<ValueKind> _signature;
        private readonly ImmutableArray<ValueKind> _locals;
        private readonly MethodBodyBlock _body;
        private readonly bool _report;
        private readonly ValueKind[] _args;
        private readonly string[] _argNames;
        private readonly Tag[] _argTags;
        private readonly bool[] _argNonNegative;
        private readonly int[] _localGroups;
        private readonly int[] _argGroups;
        private readonly HashSet<int> _escapedGroups = new();
        private readonly Dictionary<int, int> _dupOffsets = new();
        private readonly HashSet<int> _reportedGroups = new();
        private List<Slot> _stack = new();

        public MethodPass(InterpreterHazards owner, TypeDefinitionHandle type, MethodDefinitionHandle method,
            MethodSignature<ValueKind> signature, ImmutableArray<ValueKind> locals, MethodBodyBlock body, bool report)
        {
            _owner = owner;
            _type = type;
            _method = method;
            _signature = signature;
            _locals = locals;
            _body = body;
            _report = report;

            int first = signature.Header.IsInstance ? 1 : 0;
            _args = new ValueKind[first + signature.ParameterTypes.Length];
            _argNames = new string[_args.Length];
            _argTags = new Tag[_args.Length];
            _argNonNegative = new bool[_args.Length];
            for (int i = 0; i < _args.Length; i++)
            {
                _argNames[i] = i < first ? "this" : "argument " + i;
            }

            var reader = owner._reader;
            foreach (var p in reader.GetMethodDefinition(method).GetParameters())
            {
                var parameter = reader.GetParameter(p);
                if (parameter.SequenceNumber > 0 && parameter.SequenceNumber <= signature.ParameterTypes.Length)
                {
                    _argNames[first + parameter.SequenceNumber - 1] = reader.GetString(parameter.Name);
                }
            }

            for (int i = 0; i < signature.ParameterTypes.Length; i++)
            {
                _args[first + i] = signature.ParameterTypes[i];
                if (owner._taggedParameters.TryGetValue((method, i), out var nonNegative))
                {
                    _argTags[first + i] = SignedTag(_args[first + i]);
                    _argNonNegative[first + i] = nonNegative;
                }
            }

            _localGroups = new int[locals.Length];
            _argGroups = new int[_args.Length];
        }

        public void Run()
        {
            var instructions = IlReader.Read(_body.GetILBytes() ?? Array.Empty<byte>()).ToList();
            var handlers = new Dictionary<int, int>();
            foreach (var region in _body.ExceptionRegions)
            {
                handlers[region.TryOffset] = 0;
                handlers[region.HandlerOffset] = region.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter ? 1 : 0;
                if (region.Kind == ExceptionRegionKind.Filter)
                {
                    handlers[region.FilterOffset] = 1;
                }
            }

            // Stacks recorded at forward branch targets; C# leaves the stack empty at loop heads.
            var atTargets = new Dictionary<int, List<Slot>>();
            bool reachable = true;
            for (int n = 0; n < instructions.Count; n++)
            {
                var instruction = instructions[n];
                if (handlers.TryGetValue(instruction.Offset, out var depth))
                {
                    _stack = Enumerable.Repeat(default(Slot), depth).ToList();
                }
                else if (atTargets.TryGetValue(instruction.Offset, out var recorded))
                {
                    _stack = reachable ? Merge(_stack, recorded) : new List<Slot>(recorded);
                }
                else if (!reachable)
                {
                    _stack.Clear();
                }

                Step(instruction, n + 1 < instructions.Count ? instructions[n + 1] : null, n + 2 < instructions.Count ? instructions[n + 2] : null);

                foreach (var target in instruction.BranchTargets.Where(t => t > instruction.Offset))
                {
                    atTargets[target] = atTargets.TryGetValue(target, out var other) ? Merge(other, _stack) : new List<Slot>(_stack);
                }

                reachable = instruction.OpCode.FlowControl is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw);
            }
        }

        /// <summary>Joins two paths: a value is tagged if it is on either path, non-negative only if on both.</summary>
        private static List<Slot> Merge(List<Slot> a, List<Slot> b)
        {
            if (a.Count != b.Count)
            {
                return new List<Slot>(b);
            }

            return a.Zip(b, (x, y) => x with
            {
                Tag = x.Tag != Tag.None ? x.Tag : y.Tag,
                Origin = x.Tag != Tag.None ? x.Origin : y.Origin,
                Source = x.Tag != Tag.None ? x.Source : y.Source,
                NonNegative = x.NonNegative && y.NonNegative,
                Struct = x.Struct || y.Struct,
                Group = x.Group != 0 ? x.Group : y.Group,
                Constant = x.Constant == y.Constant ? x.Constant : null,
            }).ToList();
        }

        private void Step(IlInstruction instruction, IlInstruction? next, IlInstruction? nextButOne)
        {
            var op = instruction.OpCode;
            var name = op.Name!;
            switch (name)
            {
                case "ldloc.0" or "ldloc.1" or "ldloc.2" or "ldloc.3" or "ldloc.s" or "ldloc":
                {
                    int i = instruction.VariableIndex;
                    Push(Load(i < _locals.Length ? _locals[i] : ValueKind.Other, Tag.None, false, instruction, $"{name} (V_{i})"));
                    break;
                }

                case "ldarg.0" or "ldarg.1" or "ldarg.2" or "ldarg.3" or "ldarg.s" or "ldarg":
                {
                    int i = instruction.VariableIndex;
                    Push(i < _args.Length
                        ? Load(_args[i], _argTags[i], _argNonNegative[i], instruction, $"{name} ({_argNames[i]})")
                        : default);
                    break;
                }

                case "ldloca.s" or "ldloca":
                    CheckAddress(_localGroups, instruction.VariableIndex, $"V_{instruction.VariableIndex}", instruction, next);
                    Push(default);
                    break;

                case "ldarga.s" or "ldarga":
                    CheckAddress(_argGroups, instruction.VariableIndex, ArgName(instruction.VariableIndex), instruction, next);
                    Push(default);
                    break;

                case "stloc.0" or "stloc.1" or "stloc.2" or "stloc.3" or "stloc.s" or "stloc":
                    Store(_localGroups, instruction.VariableIndex, Pop());
                    break;

                case "starg.s" or "starg":
                {
                    int i = instruction.VariableIndex;
                    Store(_argGroups, i, Pop());
                    if (i < _args.Length)
                    {
                        _argTags[i] = DeclaredTag(_args[i]); // the argument keeps its declared type
                        _argNonNegative[i] = false;
                    }

                    break;
                }

                case "ldc.i4.m1" or "ldc.i4.0" or "ldc.i4.1" or "ldc.i4.2" or "ldc.i4.3" or "ldc.i4.4" or "ldc.i4.5" or "ldc.i4.6" or "ldc.i4.7" or "ldc.i4.8":
                {
                    long value = name == "ldc.i4.m1" ? -1 : name[^1] - '0';
                    Push(new Slot(NonNegative: value >= 0, Constant: value));
                    break;
                }

                case "ldc.i4.s" or "ldc.i4":
                    Push(new Slot(NonNegative: instruction.Operand >= 0, Constant: instruction.Operand));
                    break;

                case "dup":
                {
                    var value = Pop();
                    if (value.Struct && value.Group == 0)
                    {
                        value = value with { Group = _dupOffsets.Count + 1 };
                        _dupOffsets[value.Group] = instruction.Offset;
                    }

                    Push(value);
                    Push(value);
                    break;
                }

                case "add" or "add.ovf" or "add.ovf.un" or "sub" or "sub.ovf" or "sub.ovf.un" or "mul" or "mul.ovf" or "mul.ovf.un"
                    or "div" or "div.un" or "rem" or "rem.un" or "and" or "or" or "xor" or "shl" or "shr" or "shr.un":
                {
                    var right = Pop();
                    var left = Pop();
                    if (name == "shr" && !NarrowedAfterShift(right, next, nextButOne))
                    {
                        Hazard(left, instruction, "the device shifts in zeros instead of the sign bit");
                    }
                    else if (name == "rem" && !(left.NonNegative && right.NonNegative))
                    {
                        Hazard(left with { NonNegative = false }, instruction, "the device computes an unsigned remainder");
                    }

                    // nanoCLR computes in place on the left operand: the result keeps its tag.
                    Push(left with { NonNegative = NonNegativeResult(name, left, right), Constant = null, Struct = false, Group = 0 });
                    break;
                }

                case "neg" or "not":
                {
                    var value = Pop();
                    Push(value with { NonNegative = false, Constant = null });
                    break;
                }

                case "ldfld" or "ldsfld":
                    if (name == "ldfld")
                    {
                        Pop();
                    }

                    Push(Load(_owner.FieldKind(instruction.Token), Tag.None, false, instruction, $"{name} {_owner.MemberName(instruction.Token)}"));
                    break;

                case "ldelem.u4" or "ldind.u4":
                    PopMany(op.StackBehaviourPop == StackBehaviour.Popref_popi ? 2 : 1);
                    Push(new Slot(Tag: Tag.U4, Origin: instruction.Offset, Source: name));
                    break;

                case "ldelem" or "ldobj" or "unbox.any":
                    PopMany(name == "ldelem" ? 2 : 1);
                    Push(Load(_owner._kinds.FromToken(MetadataTokens.EntityHandle(instruction.Token)), Tag.None, false, instruction, name));
                    break;

                case "call" or "callvirt" or "newobj":
                    Call(instruction, name);
                    break;

                case "ret":
                    if (_signature.ReturnType != ValueKind.Void)
                    {
                        var value = Pop();
                        if (value.Tag != Tag.None && value.Tag == SignedTag(_signature.ReturnType))
                        {
                            _owner.Learn(_owner._taggedReturns, _method, value.NonNegative);

                            // Callers in other assemblies are out of sight: the tag crossing over is the finding.
                            if (_owner.IsVisibleOutside(_method))
                            {
                                Hazard(value, instruction, "callers in other assemblies get it still tagged, so their shr, rem and conversions to long or double of it go wrong");
                            }
                        }
                    }

                    break;

                case "leave" or "leave.s":
                    _stack.Clear();
                    break;

                default:
                    if (name.StartsWith("conv.", StringComparison.Ordinal))
                    {
                        Convert(instruction, name);
                    }
                    else
                    {
                        Default(instruction);
                    }

                    break;
            }
        }

        private void Convert(IlInstruction instruction, string name)
        {
            var value = Pop();
            bool checkedSigned = name.StartsWith("conv.ovf.", StringComparison.Ordinal) && !name.EndsWith(".un", StringComparison.Ordinal);
            if (name is "conv.i8" || (name is "conv.ovf.i8" && value.Tag == Tag.U4))
            {
                // A 64-bit tagged value needs no extension: only a uint-tagged one is zero-extended.
                if (value.Tag == Tag.U4)
                {
                    Hazard(value, instruction, "the device zero-extends it instead of sign-extending");
                }
            }
            else if (name is "conv.r4" or "conv.r8")
            {
                Hazard(value, instruction, "the device converts it as an unsigned number");
            }
            else if (checkedSigned)
            {
                Hazard(value, instruction, "the device checks its range as an unsigned number");
            }

            Push(name switch
            {
                "conv.u4" or "conv.u" or "conv.ovf.u4" or "conv.ovf.u4.un" or "conv.ovf.u" or "conv.ovf.u.un" =>
                    new Slot(Tag: Tag.U4, Origin: instruction.Offset, Source: name),
                "conv.u8" or "conv.ovf.u8" or "conv.ovf.u8.un" =>
                    new Slot(Tag: Tag.U8, NonNegative: true, Origin: instruction.Offset, Source: name), // from 32 bits: zero-extended
                "conv.u1" or "conv.u2" or "conv.ovf.u1" or "conv.ovf.u2" or "conv.ovf.u1.un" or "conv.ovf.u2.un" =>
                    new Slot(NonNegative: true),
                _ => default,
            });
        }

        private void Call(IlInstruction instruction, string name)
        {
            var callee = _owner.ResolveMethod(instruction.Token);
            if (callee is null)
            {
                Default(instruction);
                return;
            }

            var parameters = callee.Signature.ParameterTypes;
            for (int i = parameters.Length - 1; i >= 0; i--)
            {
                var argument = Pop();

                // nanoCLR copies an argument with its tag: the callee's int parameter stays uint-tagged.
                if (argument.Tag != Tag.None && argument.Tag == SignedTag(parameters[i]))
                {
                    if (!callee.Definition.IsNil)
                    {
                        _owner.Learn(_owner._taggedParameters, (callee.Definition, i), argument.NonNegative);
                    }
                    else if (callee.InOtherProject)
                    {
                        Hazard(argument, instruction, $"{_owner.MemberName(instruction.Token)} in another assembly gets argument {i + 1} still tagged, so its shr, rem and conversions to long or double of it go wrong");
                    }
                }
            }

            if (name == "newobj")
            {
                Push(new Slot(Struct: callee.ValueTypeConstructor));
                return;
            }

            if (callee.Signature.Header.IsInstance)
            {
                Pop();
            }

            if (callee.Signature.ReturnType != ValueKind.Void)
            {
                bool tagged = !callee.Definition.IsNil && _owner._taggedReturns.ContainsKey(callee.Definition);
                Push(Load(callee.Signature.ReturnType, tagged ? SignedTag(callee.Signature.ReturnType) : Tag.None,
                    tagged && _owner._taggedReturns[callee.Definition], instruction, $"{name} {_owner.MemberName(instruction.Token)}"));
            }
        }

        /// <summary>Any other instruction: its fixed stack effect; a struct it stores leaves the method's locals.</summary>
        private void Default(IlInstruction instruction)
        {
            var op = instruction.OpCode;
            int pops = op.StackBehaviourPop switch
            {
                StackBehaviour.Pop0 or StackBehaviour.Varpop => 0,
                StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
                StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
                    or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref
                    or StackBehaviour.Popref_popi_pop1 => 3,
                _ => 2,
            };

            // stfld, stsfld, stobj, stelem: nanoCLR stores the reference, so the field shares a dup'd box.
            if (op.StackBehaviourPush == StackBehaviour.Push0 && pops > 0 && _stack.Count > 0 && _stack[^1].Group != 0 &&
                op.Name!.StartsWith("st", StringComparison.Ordinal))
            {
                _escapedGroups.Add(_stack[^1].Group);
            }

            PopMany(pops);
            int pushes = op.StackBehaviourPush switch
            {
                StackBehaviour.Push0 or StackBehaviour.Varpush => 0,
                StackBehaviour.Push1_push1 => 2,
                _ => 1,
            };
            for (int i = 0; i < pushes; i++)
            {
                Push(default);
            }
        }

        /// <summary>
        /// Whether only low bits of a shift by a constant are kept, none of which the shifted-in bits reach:
        /// <c>(byte)(value &gt;&gt; 24)</c> is the same whether the shift is arithmetic or logical.
        /// </summary>
        private static bool NarrowedAfterShift(Slot shift, IlInstruction? next, IlInstruction? nextButOne)
        {
            if (shift.Constant is not { } k || k < 0 || k > 31 || next is not { } n)
            {
                return false;
            }

            int kept = n.OpCode.Name switch
            {
                "conv.u1" or "conv.i1" or "stelem.i1" or "stind.i1" => 8,
                "conv.u2" or "conv.i2" or "stelem.i2" or "stind.i2" => 16,
                _ => 32,
            };
            if (kept == 32 && n.OpCode.Name!.StartsWith("ldc.i4", StringComparison.Ordinal) && nextButOne?.OpCode == OpCodes.And)
            {
                long mask = n.OpCode.Name switch
                {
                    "ldc.i4.s" or "ldc.i4" => n.Operand,
                    "ldc.i4.m1" => -1,
                    _ => n.OpCode.Name[^1] - '0',
                };
                kept = mask < 0 ? 32 : 64 - BitOperations.LeadingZeroCount((ulong)mask);
            }

            return kept <= 32 - k;
        }

        private static bool NonNegativeResult(string name, Slot left, Slot right) => name switch
        {
            "and" => left.NonNegative || right.NonNegative,
            "or" or "xor" or "div" or "rem" => left.NonNegative && right.NonNegative,
            "shr" => left.NonNegative,
            "shr.un" => left.NonNegative || right.Constant >= 1,
            "div.un" => left.NonNegative || right.Constant >= 2,
            "rem.un" => left.NonNegative || right.NonNegative,
            _ => false,
        };

        /// <summary>The tag storage of <paramref name="kind"/> gives a value loaded from it.</summary>
        private static Tag DeclaredTag(ValueKind kind) => kind switch
        {
            ValueKind.UInt32 => Tag.U4,
            ValueKind.UInt64 => Tag.U8,
            _ => Tag.None,
        };

        /// <summary>The unsigned tag a signed argument or return value of <paramref name="kind"/> can carry against its type.</summary>
        private static Tag SignedTag(ValueKind kind) => kind switch
        {
            ValueKind.Int32 => Tag.U4,
            ValueKind.Int64 => Tag.U8,
            _ => Tag.None,
        };

        /// <summary>A value loaded from storage of <paramref name="kind"/> (or carrying <paramref name="tag"/> into it).</summary>
        private static Slot Load(ValueKind kind, Tag tag, bool nonNegative, IlInstruction instruction, string source)
        {
            var declared = DeclaredTag(kind);
            var effective = declared != Tag.None ? declared : tag;
            return new Slot(
                Tag: effective,
                NonNegative: declared == Tag.None && nonNegative,
                Struct: kind == ValueKind.Struct,
                Origin: effective == Tag.None ? -1 : instruction.Offset,
                Source: effective == Tag.None ? "" : source);
        }

        private void Hazard(Slot value, IlInstruction instruction, string consequence)
        {
            if (!_report || value.Tag == Tag.None || value.NonNegative)
            {
                return;
            }

            var type = value.Tag == Tag.U4 ? "uint" : "ulong";
            _owner.Report(ViolationKind.UnsignedTag, _type, _method,
                $"IL_{instruction.Offset:X4}: {instruction.OpCode.Name} of a value nanoCLR still tags as {type} " +
                $"({value.Source} at IL_{value.Origin:X4}, then only cast or computed on as the left operand): {consequence}");
        }

        private void CheckAddress(int[] groups, int index, string label, IlInstruction instruction, IlInstruction? next)
        {
            int group = index < groups.Length ? groups[index] : 0;
            if (group == 0 || _reportedGroups.Contains(group) || next?.OpCode == OpCodes.Ldfld)
            {
                return; // not a shared box, or only read
            }

            var others = new List<string>();
            int onStack = _stack.Count(s => s.Group == group);
            if (onStack > 0)
            {
                others.Add("on the evaluation stack");
            }

            others.AddRange(Enumerable.Range(0, _localGroups.Length).Where(i => _localGroups[i] == group && !(groups == _localGroups && i == index)).Select(i => $"in V_{i}"));
            others.AddRange(Enumerable.Range(0, _argGroups.Length).Where(i => _argGroups[i] == group && !(groups == _argGroups && i == index)).Select(i => $"in {ArgName(i)}"));
            if (_escapedGroups.Contains(group))
            {
                others.Add("in a field or array element");
            }

            if (others.Count == 0)
            {
                return;
            }

            _reportedGroups.Add(group);
            if (_report)
            {
                _owner.Report(ViolationKind.StructDupAlias, _type, _method,
                    $"IL_{instruction.Offset:X4}: {instruction.OpCode.Name} {label} takes the address of a struct that dup at IL_{_dupOffsets[group]:X4} " +
                    $"also left {string.Join(", ", others)}: nanoCLR's dup shares the boxed value, so a change through this address changes that copy too");
            }
        }

        private void Store(int[] groups, int index, Slot value)
        {
            if (index < groups.Length)
            {
                groups[index] = value.Struct ? value.Group : 0;
            }
        }

        private string ArgName(int index) => index < _argNames.Length ? _argNames[index] : "argument " + index;

        private void Push(Slot slot) => _stack.Add(slot);

        private Slot Pop()
        {
            if (_stack.Count == 0)
            {
                return default; // a modelling gap: stay quiet rather than fail
            }

            var slot = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            return slot;
        }

        private void PopMany(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Pop();
            }
        }
    }
}
