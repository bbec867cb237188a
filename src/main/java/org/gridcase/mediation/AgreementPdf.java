package org.gridcase.mediation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.gridcase.audit.CjkPdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mediation agreement (调解协议书) in the usual layout of a people's mediation agreement: number, parties,
 * facts, terms, the parties' performance clause, and the signature lines, for the parties to sign on paper.
 */
@Component
class AgreementPdf {

    private final DateTimeFormatter date;

    AgreementPdf(@Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.date = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(zone);
    }

    byte[] render(MediationView mediation, MediationView.Agreement agreement) {
        String mediator = mediation.assessment().mediatorName();
        List<String> parties = parties(agreement.parties());
        String html = """
                <html><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 22mm 20mm; }
                body { font-family: %1$s; font-size: 11pt; line-height: 1.7; }
                h1 { text-align: center; font-size: 18pt; margin: 0 0 4pt 0; }
                .number { text-align: right; font-size: 10pt; } h2 { font-size: 12pt; margin: 12pt 0 2pt 0; }
                p { margin: 2pt 0; white-space: pre-wrap; } .signatures td { padding: 18pt 12pt 0 0; width: 50%%; }
                </style></head><body>
                <h1>人民调解协议书</h1>
                <p class="number">编号：%2$s-%3$d</p>
                <h2>当事人</h2><p>%4$s</p>
                <h2>纠纷主要事实、争议事项</h2><p>%5$s</p>
                <h2>经调解，自愿达成如下协议</h2><p>%6$s</p>
                <h2>履行方式、时限</h2><p>按上述协议内容所列的责任方与时限履行。本协议自各方当事人签名（盖章）、人民调解员签名之日起生效。调解组织将在约定时间进行履行回访。</p>
                <p>本协议一式%9$s份，当事人各执一份，调解组织留存一份。</p>
                <table class="signatures">%10$s
                <tr><td>人民调解员（签名）：%7$s</td><td>调解组织（盖章）</td></tr>
                <tr><td colspan="2">日期：%8$s</td></tr></table>
                </body></html>""".formatted(CjkPdf.FONT_FAMILY, e(mediation.caseNumber()), agreement.id(),
                e(agreement.parties()), e(agreement.facts()), e(agreement.terms()), e(mediator == null ? "" : mediator),
                date.format(agreement.recordedAt()), copies(parties.size() + 1), signatureLines(parties));
        return CjkPdf.render(html);
    }

    /** Each line of the parties' field is a party (甲方：…), and each signs on a line of its own. */
    private static List<String> parties(String text) {
        List<String> parties = text == null ? List.of()
                : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return parties.size() < 2 ? List.of("当事人", "当事人") : parties;
    }

    private static String signatureLines(List<String> parties) {
        StringBuilder rows = new StringBuilder();
        for (String party : parties) {
            rows.append("<tr><td colspan=\"2\">").append(e(party)).append("（签名）：</td></tr>");
        }
        return rows.toString();
    }

    private static String copies(int count) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return count <= 10 ? digits[count] : String.valueOf(count);
    }

    /** Only markup is escaped: with a charset, HtmlUtils leaves ÷ or × as they are, which the PDF renderer needs. */
    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
