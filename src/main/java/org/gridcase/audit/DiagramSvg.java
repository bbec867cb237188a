package org.gridcase.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a BPMN model as SVG from its diagram interchange: the layout the designer made in Camunda Modeler, with
 * BPMN's shapes (rounded tasks, circles for events, diamonds for gateways, arrows for sequence flows). The same
 * picture serves the replay page and the printed report, so there is one renderer, not a browser one and a PDF
 * one. Every shape and flow is a group carrying its element id ({@code data-element-id}); the {@code taken} and
 * {@code active} classes colour the path a case took and where it stands.
 */
final class DiagramSvg {

    private static final String STYLE = """
            .shape{fill:#fff;stroke:#22242a;stroke-width:1.5}
            .flow{fill:none;stroke:#22242a;stroke-width:1.2}
            .marker{fill:none;stroke:#22242a;stroke-width:1.2}
            .gateway-marker{stroke-width:3}
            .label{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;font-size:12px;fill:#22242a}
            .kind{font-family:sans-serif;font-size:9px;fill:#6b6f76}
            .taken .shape{stroke:#1a7f37;stroke-width:2.5;fill:#e8f5ec}
            .taken .flow{stroke:#1a7f37;stroke-width:2.5}
            .active .shape{stroke:#d4380d;stroke-width:3;fill:#fff1e6}
            .shape.end{stroke-width:4}
            """;

    private DiagramSvg() {
    }

    static String render(BpmnModelInstance model, Collection<String> taken, Collection<String> active) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.0f %.0f %.0f %.0f\" "
                + "width=\"%.0f\" height=\"%.0f\">", minX - 20, minY - 20, maxX - minX + 40, maxY - minY + 40,
                maxX - minX + 40, maxY - minY + 40));
        svg.append("<defs><style type=\"text/css\">").append(STYLE).append("</style>")
                .append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                        + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#22242a\"/></marker>")
                .append("</defs>");
        // containers first, so that what they contain is drawn over them
        shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess)
                .forEach(s -> shape(svg, s, taken, active));
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            edge(svg, edge, taken);
        }
        shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess)
                && !(s.getBpmnElement() instanceof BoundaryEvent)).forEach(s -> shape(svg, s, taken, active));
        shapes.stream().filter(s -> s.getBpmnElement() instanceof BoundaryEvent)
                .forEach(s -> shape(svg, s, taken, active));
        return svg.append("</svg>").toString();
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Collection<String> taken,
            Collection<String> active) {
        BaseElement element = shape.getBpmnElement();
        if (element == null) {
            return;
        }
        Bounds b = shape.getBounds();
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        open(svg, element.getId(), taken, active);
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        if (element instanceof Event event) {
            double r = w / 2;
            double cx = x + r;
            double cy = y + r;
            String dash = event instanceof BoundaryEvent boundary && !boundary.cancelActivity()
                    ? " stroke-dasharray=\"4,2\"" : "";
            svg.append(circle(cx, cy, r, event instanceof EndEvent ? "shape end" : "shape", dash));
            if (!(event instanceof StartEvent) && !(event instanceof EndEvent)) {
                svg.append(circle(cx, cy, r - 3, "marker", dash));
            }
            eventMarker(svg, event, cx, cy, r);
            label(svg, shape, name, x - 30, y + h + 4, w + 60, 40);
        } else if (element instanceof Gateway) {
            double cx = x + w / 2;
            double cy = y + h / 2;
            svg.append(String.format(Locale.ROOT, "<path class=\"shape\" d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z\"/>",
                    cx, y, x + w, cy, cx, y + h, x, cy));
            double m = w / 5;
            String cross = element instanceof ParallelGateway
                    ? path(cx, cy - m, cx, cy + m) + path(cx - m, cy, cx + m, cy)
                    : path(cx - m * 0.8, cy - m * 0.8, cx + m * 0.8, cy + m * 0.8)
                            + path(cx - m * 0.8, cy + m * 0.8, cx + m * 0.8, cy - m * 0.8);
            svg.append(cross.replace("class=\"marker\"", "class=\"marker gateway-marker\""));
            label(svg, shape, name, x - 40, y + h + 4, w + 80, 40);
        } else if (element instanceof SubProcess) {
            svg.append(rect(x, y, w, h));
            text(svg, name, x + 8, y + 8, w - 16, 20, false);
            if (((Activity) element).getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
                multiInstance(svg, loop, x + w / 2, y + h - 16);
            }
        } else {
            svg.append(rect(x, y, w, h));
            svg.append(String.format(Locale.ROOT, "<text class=\"kind\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + 6,
                    y + 12, kind(element)));
            text(svg, name, x + 4, y + 4, w - 8, h - 8, true);
            if (element instanceof Activity activity
                    && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
                multiInstance(svg, loop, x + w / 2, y + h - 14);
            }
        }
        svg.append("</g>");
    }

    private static void edge(StringBuilder svg, BpmnEdge edge, Collection<String> taken) {
        BaseElement element = edge.getBpmnElement();
        if (element == null) {
            return;
        }
        open(svg, element.getId(), taken, List.of());
        StringBuilder points = new StringBuilder();
        for (Waypoint p : edge.getWaypoints()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.getX(), p.getY()));
        }
        svg.append("<polyline class=\"flow\" marker-end=\"url(#arrow)\" points=\"").append(points.toString().trim())
                .append("\"/>");
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        BpmnLabel label = edge.getBpmnLabel();
        if (name != null && label != null && label.getBounds() != null) {
            Bounds b = label.getBounds();
            text(svg, name, b.getX(), b.getY(), Math.max(b.getWidth(), 60), b.getHeight(), false);
        }
        svg.append("</g>");
    }

    private static void open(StringBuilder svg, String id, Collection<String> taken, Collection<String> active) {
        String classes = "element" + (taken.contains(id) ? " taken" : "") + (active.contains(id) ? " active" : "");
        svg.append("<g class=\"").append(classes).append("\" data-element-id=\"").append(escape(id)).append("\">");
    }

    private static void label(StringBuilder svg, BpmnShape shape, String name, double x, double y, double w,
            double h) {
        BpmnLabel label = shape.getBpmnLabel();
        if (label != null && label.getBounds() != null) {
            Bounds b = label.getBounds();
            text(svg, name, b.getX() - 10, b.getY(), b.getWidth() + 20, b.getHeight(), false);
        } else {
            text(svg, name, x, y, w, h, false);
        }
    }

    private static void eventMarker(StringBuilder svg, Event event, double cx, double cy, double r) {
        Collection<EventDefinition> definitions = event.getChildElementsByType(EventDefinition.class);
        for (EventDefinition definition : definitions) {
            if (definition instanceof TimerEventDefinition) {
                svg.append(circle(cx, cy, r - 7, "marker", ""));
                svg.append(path(cx, cy, cx, cy - (r - 10))).append(path(cx, cy, cx + (r - 11), cy));
            } else if (definition instanceof ErrorEventDefinition) {
                double s = r / 2.2;
                svg.append(String.format(Locale.ROOT, "<path class=\"marker\" d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f "
                        + "L%.1f,%.1f\"/>", cx - s, cy + s, cx - s / 3, cy - s, cx + s / 3, cy + s / 2, cx + s, cy - s));
            }
        }
    }

    private static void multiInstance(StringBuilder svg, MultiInstanceLoopCharacteristics loop, double cx,
            double y) {
        for (int i = -1; i <= 1; i++) {
            double o = i * 4;
            svg.append(loop.isSequential() ? path(cx - 6, y + 5 + o, cx + 6, y + 5 + o)
                    : path(cx + o, y, cx + o, y + 10));
        }
    }

    private static String kind(BaseElement element) {
        return switch (element.getElementType().getTypeName()) {
            case "userTask" -> "人工";
            case "serviceTask" -> "自动";
            case "businessRuleTask" -> "决策";
            case "sendTask" -> "发送";
            case "receiveTask" -> "接收";
            case "scriptTask" -> "脚本";
            default -> "";
        };
    }

    /** Wraps text to the box, counting a CJK character as a full em and a Latin one as about half. */
    private static void text(StringBuilder svg, String text, double x, double y, double w, double h,
            boolean centred) {
        if (text == null || text.isBlank()) {
            return;
        }
        double em = 12;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double cw = c < 0x2E80 ? em * 0.55 : em;
            if (c == '\n' || (width + cw > w && line.length() > 0)) {
                lines.add(line.toString());
                line.setLength(0);
                width = 0;
                if (c == '\n') {
                    continue;
                }
            }
            line.append(c);
            width += cw;
        }
        lines.add(line.toString());
        double lineHeight = em + 2;
        double top = centred ? y + (h - lines.size() * lineHeight) / 2 + em : y + em;
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" text-anchor=\"%s\">",
                centred ? "middle" : "start"));
        double tx = centred ? x + w / 2 : x;
        for (int i = 0; i < lines.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" y=\"%.1f\">%s</tspan>", tx,
                    top + i * lineHeight, escape(lines.get(i))));
        }
        svg.append("</text>");
    }

    private static String rect(double x, double y, double w, double h) {
        return String.format(Locale.ROOT, "<rect class=\"shape\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "rx=\"10\" ry=\"10\"/>", x, y, w, h);
    }

    private static String circle(double cx, double cy, double r, String cls, String extra) {
        return String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"%s/>", cls, cx,
                cy, r, extra);
    }

    private static String path(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<path class=\"marker\" d=\"M%.1f,%.1f L%.1f,%.1f\"/>", x1, y1, x2, y2);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
