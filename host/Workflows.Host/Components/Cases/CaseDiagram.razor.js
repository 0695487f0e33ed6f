// Renders a case's BPMN diagram with the bpmn-js navigated viewer and marks its steps.
// The viewer's UMD bundle (window.BpmnJS) is loaded on first use, so other pages never download it.

let viewerLoaded;

function loadViewer(src) {
  viewerLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    // The modeler's bundle defines the same global; keep the viewer under a name of its own.
    script.onload = () => resolve(window.FazhiNavigatedViewer = window.BpmnJS);
    script.onerror = () => reject(new Error('The diagram viewer could not be loaded.'));
    document.head.appendChild(script);
  });
  return viewerLoaded;
}

// xml null means "same diagram as before": only the markers are refreshed.
export async function render(container, viewerSrc, xml, markers) {
  const Viewer = await loadViewer(viewerSrc);
  let viewer = container.fazhiViewer;
  if (xml !== null || !viewer) {
    viewer?.destroy();
    viewer = container.fazhiViewer = new Viewer({ container });
    try {
      await viewer.importXML(xml);
    } catch (error) {
      // A process without diagram layout (BPMNDiagram) has nothing to draw.
      viewer.destroy();
      container.fazhiViewer = undefined;
      return { ok: false, error: String(error?.message ?? error) };
    }
    viewer.get('canvas').zoom('fit-viewport', 'auto');
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const element of registry.getAll()) {
    for (const name of ['fz-done', 'fz-current', 'fz-overdue']) {
      canvas.removeMarker(element, name);
    }
  }
  for (const { id, marker } of markers) {
    // Steps of an embedded sub-process that is collapsed, or ids the layout lacks, have no shape.
    if (registry.get(id)) {
      canvas.addMarker(id, marker);
    }
  }
  return { ok: true, error: null };
}

export function dispose(container) {
  container?.fazhiViewer?.destroy();
  if (container) {
    container.fazhiViewer = undefined;
  }
}
