// The procedure designer: the bpmn-js modeler with its properties panel, and the fz extension
// (urn:fazhi:bpmn:1.0) declared as a moddle package so the product's attributes and extension
// elements are typed in the model and written back exactly. The page (Blazor) edits the fz
// attributes through the functions below; every edit is a modeling command, so undo/redo work.
// The bundles (window.BpmnJS, window.BpmnJSPropertiesPanel) load on first use only.

const FZ = 'urn:fazhi:bpmn:1.0';

const attr = name => ({ name, isAttr: true, type: 'String' });

// Attribute names as the engine reads them (engine/Workflows.Engine.Bpmn, Tasks/TaskLadder, Tasks/TaskForm).
export const fzDescriptor = {
  name: 'Fazhi',
  uri: FZ,
  prefix: 'fz',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'UserTaskAttributes', isAbstract: true, extends: ['bpmn:UserTask'],
      properties: ['candidateGroups', 'candidateUsers', 'assignee', 'due', 'minimum', 'outcomes', 'outcomesVariable', 'guard'].map(attr),
    },
    {
      name: 'ServiceTaskAttributes', isAbstract: true, extends: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: ['type', 'recipients', 'title', 'subject', 'body', 'link', 'kind', 'channels'].map(attr),
    },
    {
      name: 'MultiInstanceAttributes', isAbstract: true, extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: ['collection', 'elementVariable'].map(attr),
    },
    { name: 'Ladder', superClass: ['Element'], properties: [{ name: 'rungs', isMany: true, type: 'Rung' }] },
    { name: 'Rung', isAbstract: true, properties: ['before', 'after', 'to'].map(attr) },
    { name: 'Remind', superClass: ['Rung'] },
    { name: 'Notify', superClass: ['Rung'] },
    { name: 'Escalate', superClass: ['Rung'] },
    { name: 'Form', superClass: ['Element'], properties: [{ name: 'fields', isMany: true, type: 'Field' }] },
    { name: 'Field', properties: ['name', 'label', 'type', 'required', 'options', 'maxLength', 'help', 'max'].map(attr) },
  ],
};

const EDITED_ATTRIBUTES = {
  'bpmn:UserTask': ['candidateGroups', 'assignee', 'due', 'minimum', 'outcomes', 'guard'],
  'bpmn:ServiceTask': ['type', 'recipients', 'title', 'body'],
  'bpmn:SendTask': ['type', 'recipients', 'title', 'body'],
};

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('Could not load ' + src));
    document.head.appendChild(script);
  });
}

let librariesLoaded;

function loadLibraries(modelerSrc, panelSrc) {
  librariesLoaded ??= (async () => {
    await loadScript(modelerSrc);
    // The navigated viewer's bundle defines the same global; keep the modeler under a name of its own.
    window.FazhiModeler = window.BpmnJS;
    await loadScript(panelSrc);
    return { Modeler: window.FazhiModeler, Panel: window.BpmnJSPropertiesPanel };
  })();
  return librariesLoaded;
}

export async function create(container, panelParent, modelerSrc, panelSrc, page) {
  const libraries = await loadLibraries(modelerSrc, panelSrc);
  dispose(container);
  container.fazhiSetup = { libraries, panelParent, page };
  return true;
}

// A fresh modeler for every diagram opened: the properties panel keeps the previous diagram's root
// after a second importXML into the same modeler, and a new instance is cheap next to the import itself.
function build(container) {
  const { libraries: { Modeler, Panel }, panelParent, page } = container.fazhiSetup;
  container.fazhiModeler?.destroy();
  const modeler = new Modeler({
    container,
    propertiesPanel: { parent: panelParent },
    additionalModules: [Panel.BpmnPropertiesPanelModule, Panel.BpmnPropertiesProviderModule],
    moddleExtensions: { fz: fzDescriptor },
  });
  container.fazhiModeler = modeler;
  // Tests and the benchmark drive the modeler through its API, as bpmn-js documents it.
  window.fazhiModeler = modeler;
  const report = () => page.invokeMethodAsync('OnSelectionChanged', describeSelection(modeler)).catch(() => {});
  modeler.on('selection.changed', report);
  modeler.on('commandStack.changed', report);
  modeler.on('import.done', report);
  return modeler;
}

/** Imports BPMN XML; the result says whether it rendered and how many shapes it drew. */
export async function open(container, xml) {
  const modeler = build(container);
  try {
    const { warnings } = await modeler.importXML(xml);
    const canvas = modeler.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const shapes = modeler.get('elementRegistry').filter(e => !e.waypoints && e.type !== 'label' && e !== canvas.getRootElement()).length;
    container.dataset.state = 'ready';
    return { ok: true, error: null, warnings: warnings.length, shapes };
  } catch (error) {
    container.dataset.state = 'failed';
    return { ok: false, error: String(error?.message ?? error), warnings: 0, shapes: 0 };
  }
}

/** Reads a file the person picked (no upload: the diagram is opened in the browser, saved by the page). */
export function openFile(container, input) {
  const file = input.files?.[0];
  if (!file) {
    return Promise.resolve(null);
  }
  return file.text().then(async xml => {
    input.value = '';
    const result = await open(container, xml);
    return { ...result, fileName: file.name };
  });
}

/** The diagram as BPMN XML, as bytes: a stream, so a large file is not limited by the circuit's message size. */
export async function getXml(container) {
  const { xml } = await container.fazhiModeler.saveXML({ format: true });
  return new TextEncoder().encode(xml);
}

/** Marks the elements at fault (errorIds); answers the names of all listed ids (found false when the diagram has no shape for one). */
export function markProblems(container, errorIds, ids) {
  const modeler = container.fazhiModeler;
  const canvas = modeler.get('canvas');
  const registry = modeler.get('elementRegistry');
  for (const element of registry.getAll()) {
    canvas.removeMarker(element, 'fz-problem');
  }
  for (const id of errorIds) {
    if (registry.get(id)) {
      canvas.addMarker(id, 'fz-problem');
    }
  }
  return ids.map(id => {
    const element = registry.get(id);
    return { id, name: element?.businessObject?.name ?? null, found: !!element };
  });
}

export function select(container, id) {
  const modeler = container.fazhiModeler;
  const element = modeler.get('elementRegistry').get(id);
  if (element) {
    modeler.get('selection').select(element);
    modeler.get('canvas').scrollToElement(element);
  }
  return !!element;
}

/** Sets the name and fz attributes of an element; an empty value removes the attribute. */
export function update(container, id, name, attributes) {
  const modeler = container.fazhiModeler;
  const element = elementOrRoot(modeler, id);
  if (!element) {
    return false;
  }
  const properties = {};
  if (name !== null && (element.businessObject.name ?? '') !== name) {
    properties.name = name === '' ? undefined : name;
  }
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const current = element.businessObject.get('fz:' + key) ?? '';
    if (current !== (value ?? '')) {
      properties['fz:' + key] = value ? value : undefined;
    }
  }
  if (Object.keys(properties).length > 0) {
    modeler.get('modeling').updateProperties(element, properties);
  }
  return true;
}

/** Renames the process, which is also the procedure's key. */
export function updateProcess(container, key, name) {
  const modeler = container.fazhiModeler;
  const root = modeler.get('canvas').getRootElement();
  if (!root || root.businessObject.$type !== 'bpmn:Process') {
    return false;
  }
  const properties = {};
  if (key && key !== root.businessObject.id) {
    properties.id = key;
  }
  if ((root.businessObject.name ?? '') !== (name ?? '')) {
    properties.name = name || undefined;
  }
  if (Object.keys(properties).length > 0) {
    modeler.get('modeling').updateProperties(root, properties);
  }
  return true;
}

export function setCondition(container, id, text) {
  const modeler = container.fazhiModeler;
  const element = modeler.get('elementRegistry').get(id);
  if (!element || element.type !== 'bpmn:SequenceFlow') {
    return false;
  }
  const expression = text
    ? modeler.get('moddle').create('bpmn:FormalExpression', { body: text })
    : undefined;
  modeler.get('modeling').updateProperties(element, { conditionExpression: expression });
  return true;
}

/** Replaces the fz:ladder of a user task: [{ action: 'remind'|'notify'|'escalate', when: 'before'|'after', days, to }]. */
export function setLadder(container, id, rungs) {
  const modeler = container.fazhiModeler;
  const moddle = modeler.get('moddle');
  const ladder = rungs.length === 0 ? null : moddle.create('fz:Ladder', {
    rungs: rungs.map(r => {
      const properties = { [r.when === 'after' ? 'after' : 'before']: `${r.days}WD` };
      if (r.to) {
        properties.to = r.to;
      }
      return moddle.create('fz:' + capitalise(r.action), properties);
    }),
  });
  return replaceExtension(modeler, id, 'fz:Ladder', ladder);
}

/** Replaces the fz:form of a user task: [{ name, label, type, required, options, maxLength, help, max }]. */
export function setForm(container, id, fields) {
  const modeler = container.fazhiModeler;
  const moddle = modeler.get('moddle');
  const form = fields.length === 0 ? null : moddle.create('fz:Form', {
    fields: fields.map(f => {
      const properties = { name: f.name, label: f.label || undefined, type: f.type || undefined };
      if (f.required) {
        properties.required = 'true';
      }
      if (f.options) {
        properties.options = f.options;
      }
      // Not edited here, but carried through so an edit elsewhere in the form keeps them.
      if (f.maxLength) {
        properties.maxLength = f.maxLength;
      }
      if (f.help) {
        properties.help = f.help;
      }
      if (f.max) {
        properties.max = f.max;
      }
      return moddle.create('fz:Field', properties);
    }),
  });
  return replaceExtension(modeler, id, 'fz:Form', form);
}

export function dispose(container) {
  container?.fazhiModeler?.destroy();
  if (container) {
    container.fazhiModeler = undefined;
    container.fazhiSetup = undefined;
  }
}

function replaceExtension(modeler, id, type, replacement) {
  const element = modeler.get('elementRegistry').get(id);
  if (!element) {
    return false;
  }
  const moddle = modeler.get('moddle');
  const existing = element.businessObject.extensionElements?.values ?? [];
  const values = existing.filter(v => v.$type !== type);
  if (replacement) {
    values.push(replacement);
  }
  const extensionElements = values.length === 0 ? undefined : moddle.create('bpmn:ExtensionElements', { values });
  if (extensionElements) {
    values.forEach(v => { v.$parent = extensionElements; });
  }
  modeler.get('modeling').updateProperties(element, { extensionElements });
  return true;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function elementOrRoot(modeler, id) {
  return id ? modeler.get('elementRegistry').get(id) : modeler.get('canvas').getRootElement();
}

function describeSelection(modeler) {
  const canvas = modeler.get('canvas');
  const selected = modeler.get('selection').get();
  const root = canvas.getRootElement();
  const element = selected.length === 1 ? selected[0] : root;
  const bo = element?.businessObject;
  if (!bo) {
    return null;
  }
  const attributes = {};
  for (const key of EDITED_ATTRIBUTES[bo.$type] ?? []) {
    attributes[key] = bo.get('fz:' + key) ?? '';
  }
  const extension = type => (bo.extensionElements?.values ?? []).find(v => v.$type === type);
  const ladder = (extension('fz:Ladder')?.rungs ?? []).map(r => {
    const when = r.before !== undefined ? 'before' : 'after';
    const days = parseInt(String(r[when] ?? '').replace(/WD$/i, ''), 10);
    return { action: r.$type.slice(3).toLowerCase(), when, days: Number.isNaN(days) ? 0 : days, to: r.to ?? '' };
  });
  const form = (extension('fz:Form')?.fields ?? []).map(f => ({
    name: f.name ?? '', label: f.label ?? '', type: f.type ?? 'text', required: f.required === 'true', options: f.options ?? '',
    maxLength: f.maxLength ?? '', help: f.help ?? '', max: f.max ?? '',
  }));
  return {
    id: element === root ? null : bo.id,
    processKey: root?.businessObject?.$type === 'bpmn:Process' ? root.businessObject.id : null,
    processName: root?.businessObject?.$type === 'bpmn:Process' ? (root.businessObject.name ?? '') : null,
    type: bo.$type,
    name: bo.name ?? '',
    attributes,
    condition: bo.conditionExpression?.body ?? '',
    ladder,
    form,
  };
}
