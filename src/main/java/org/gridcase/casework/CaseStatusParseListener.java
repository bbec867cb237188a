package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Lets process designers say in Modeler which stage an element starts: the extension property
 * {@code caseStatus} (Properties panel, "Extension properties") with a {@link CaseStatus} name. At deployment
 * this adds a start listener that enters the case into that stage. An unknown name fails the deployment, so a
 * typo cannot silently stop the record from following the process.
 */
class CaseStatusParseListener extends AbstractBpmnParseListener {

    static final String PROPERTY = "caseStatus";

    private final CaseFile cases;

    CaseStatusParseListener(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        follow(element, activity);
    }

    private void follow(Element element, ActivityImpl activity) {
        String status = caseStatusOf(element);
        if (status != null) {
            activity.addListener(ExecutionListener.EVENTNAME_START,
                    new CaseStageListener(CaseStatus.valueOf(status), cases));
        }
    }

    private static String caseStatusOf(Element element) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> PROPERTY.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst()
                .orElse(null);
    }
}
